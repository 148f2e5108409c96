"""What the accounts app keeps in a session, and what it notes there at sign-in.

Times are whole seconds since the epoch (sessions are JSON). At sign-in the session
records when it began, the workspace it works in and, for a lead, whether that
workspace's second-factor rule is met; the middleware then checks these without a
query on ordinary requests.
"""

import time

from netzwerkstatt.core.middleware import SESSION_KEY as WORKSPACE_KEY
from netzwerkstatt.core.selectors import scope_for_user

from .selectors import second_factor_setup_required

SIGNED_IN_AT = "accounts_signed_in_at"
SEEN_AT = "accounts_seen_at"
# The workspace id in which the session's user meets the second-factor rule.
FACTOR_RULE_MET = "accounts_factor_rule_met"
# Between the password and the code: who is signing in (not yet signed in).
PENDING = "accounts_pending"


def now() -> int:
    return int(time.time())


def signed_in(sender, request, user, **kwargs) -> None:
    """`user_logged_in`: stamp the new session (Django has already given it a new key)."""
    session = request.session
    session[SIGNED_IN_AT] = session[SEEN_AT] = now()
    session.pop(PENDING, None)
    session.pop(FACTOR_RULE_MET, None)
    scope = scope_for_user(user=user, preferred_workspace_id=session.get(WORKSPACE_KEY))
    if scope is None:
        return
    session[WORKSPACE_KEY] = scope.workspace.pk
    if not second_factor_setup_required(scope=scope):
        session[FACTOR_RULE_MET] = scope.workspace.pk
