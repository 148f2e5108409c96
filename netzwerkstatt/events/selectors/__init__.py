"""Reads of events, programme and invitations, always through the scope.

Partners see no event data: the models have no `partner_visible`, so
`scope.objects` gives partners nothing. The one unscoped read is
`invitation_by_token`, for the public registration page, where the token
identifies the invitation and through it the workspace.
"""

from .calendar import calendar_entry
from .events import (
    EventFigures,
    EventFilter,
    event_detail,
    event_figures,
    event_list,
    programme_items,
    projects,
    registration_is_open,
    speaker_choices,
)
from .invitations import (
    INVITE_ALL_LIMIT,
    TOKEN_MAX_LENGTH,
    InvitationFilter,
    InviteeFilter,
    checkin_list,
    first_email,
    invitation_by_token,
    invitation_get,
    invitation_list,
    invitation_prefetches,
    invitee_candidates,
    moved_up_ids,
    network_organisations,
    organisation_name,
    participant_table,
    waiting_positions,
)

__all__ = [
    "INVITE_ALL_LIMIT",
    "TOKEN_MAX_LENGTH",
    "EventFigures",
    "EventFilter",
    "InvitationFilter",
    "InviteeFilter",
    "calendar_entry",
    "checkin_list",
    "event_detail",
    "event_figures",
    "event_list",
    "first_email",
    "invitation_by_token",
    "invitation_get",
    "invitation_list",
    "invitation_prefetches",
    "invitee_candidates",
    "moved_up_ids",
    "network_organisations",
    "organisation_name",
    "participant_table",
    "programme_items",
    "projects",
    "registration_is_open",
    "speaker_choices",
    "waiting_positions",
]
