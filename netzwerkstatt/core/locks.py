"""A lock per workspace in the database, for work that one process at a time should do.

The lock is a DataVersion row whose version holds the time (ms) it was taken, or 0.
One conditional UPDATE decides who takes it: of two processes trying at once, the
database lets one change the row, and the other finds the condition no longer true.
It expires by itself, so a crashed process does not hold it for ever; the holder's
token (its time) makes sure a late release never frees someone else's lock.
"""

import math
import time
from dataclasses import dataclass
from datetime import timedelta

from .models import DataVersion, Workspace


@dataclass(frozen=True)
class WorkspaceLock:
    topic: str
    expires: timedelta  # longer than the work it guards ever takes

    def acquire(self, *, workspace: Workspace) -> int | None:
        """Take the lock; its token, or None if someone holds it."""
        DataVersion.objects.get_or_create(
            workspace=workspace, topic=self.topic, defaults={"version": 0}
        )
        token = _now_ms()
        taken = DataVersion.objects.filter(
            workspace=workspace, topic=self.topic, version__lte=token - self._expires_ms()
        ).update(version=token)
        return token if taken else None

    def release(self, *, workspace_id: int, token: int) -> None:
        """Free the lock if it is still ours (it may have expired and been taken by another)."""
        DataVersion.objects.filter(
            workspace_id=workspace_id, topic=self.topic, version=token
        ).update(version=0)

    def held(self, *, workspace: Workspace) -> bool:
        """True while some process holds the lock."""
        taken = (
            DataVersion.objects.filter(workspace=workspace, topic=self.topic)
            .values_list("version", flat=True)
            .first()
        )
        return bool(taken) and taken > _now_ms() - self._expires_ms()

    def _expires_ms(self) -> int:
        return int(self.expires.total_seconds() * 1000)


def _now_ms() -> int:
    return math.floor(time.time() * 1000)
