"""A user's personal calendar feed of follow-ups and next steps.

The feed's address holds a random token; only its SHA-256 is stored (as with the
events' invitation links), so the database alone opens no feed. The raw token is
returned once, when it is made. A new address replaces the old one, which then
stops working; each user has at most one feed per workspace.
"""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..models import CalendarFeed

_TOKEN_BYTES = 32  # 256 bits: guessing is hopeless; throttling only keeps the noise down


def feed_token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def calendar_feed_renew(*, scope: Scope) -> str:
    """Create the scope user's feed, or give it a new address; returns the raw token."""
    require(scope, "view_acquisition")
    raw = secrets.token_urlsafe(_TOKEN_BYTES)
    feed = scope.objects(CalendarFeed).filter(user=scope.user).first()
    if feed is None:
        feed = CalendarFeed(workspace=scope.workspace, user=scope.user)
        action = Action.CREATED
    else:
        action = Action.UPDATED
        feed.created_at = timezone.now()  # the address's age, shown on the page
    feed.token_hash = feed_token_hash(raw)
    feed.full_clean(validate_unique=False, validate_constraints=False)
    feed.save()
    activity_record(
        scope=scope,
        action=action,
        target=feed,
        details={"fields": ["token_hash"]} if action == Action.UPDATED else None,
    )
    return raw


@transaction.atomic
def calendar_feed_delete(*, scope: Scope) -> bool:
    """Stop the scope user's feed; returns whether there was one."""
    require(scope, "view_acquisition")
    feed = scope.objects(CalendarFeed).filter(user=scope.user).first()
    if feed is None:
        return False
    activity_record(scope=scope, action=Action.DELETED, target=feed)
    feed.delete()
    return True
