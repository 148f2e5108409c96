"""Writes to events: every one checks the scope's permission, validates and is logged.

Events and their programme (`events`), invitations, the invited person's answer
and check-in (`invitations`), places and the waiting list (`waiting_list`), and
attendance turned into ties of the relationship network (`attendance`).
"""

from .attendance import event_attendance_ties, event_has_ended
from .events import (
    event_create,
    event_delete,
    event_update,
    programme_item_create,
    programme_item_delete,
    programme_item_update,
)
from .invitations import (
    invitation_check_in,
    invitation_check_in_undo,
    invitation_delete,
    invitation_link_renew,
    invitation_update,
    invitations_create,
    registration_cancel,
    registration_consent_set,
    registration_submit,
    token_hash,
)
from .waiting_list import waiting_list_move_up

__all__ = [
    "event_attendance_ties",
    "event_create",
    "event_delete",
    "event_has_ended",
    "event_update",
    "invitation_check_in",
    "invitation_check_in_undo",
    "invitation_delete",
    "invitation_link_renew",
    "invitation_update",
    "invitations_create",
    "programme_item_create",
    "programme_item_delete",
    "programme_item_update",
    "registration_cancel",
    "registration_consent_set",
    "registration_submit",
    "token_hash",
    "waiting_list_move_up",
]
