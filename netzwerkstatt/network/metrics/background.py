"""Recompute in a background thread, one computation per workspace at a time.

The guard works across processes and servers because it is a row in the
database (`DataVersion` with topic LOCK_TOPIC): its version holds the time the
lock was taken, in milliseconds, or 0 when free. A lock older than LOCK_EXPIRES
counts as free, so a process that died does not block the workspace for good.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction

from netzwerkstatt.core.locks import WorkspaceLock
from netzwerkstatt.core.models import Workspace
from netzwerkstatt.core.scoping import Scope

from ..models import MetricsSnapshot
from .snapshots import metrics_compute, metrics_is_stale

logger = logging.getLogger(__name__)

LOCK_TOPIC = "network-metrics-lock"
# Longer than the largest computation (about a minute at 100,000 persons / 500,000 ties).
LOCK_EXPIRES = timedelta(minutes=15)
LOCK = WorkspaceLock(topic=LOCK_TOPIC, expires=LOCK_EXPIRES)


def metrics_in_background() -> bool:
    """Whether pages may start computations (setting NETZWERKSTATT_METRICS_IN_BACKGROUND).

    Off, only `netzwerkstatt network-metrics` computes (e.g. from cron): for
    servers that should not spend a minute of CPU and a few hundred MB in a web
    process on a very large workspace.
    """
    return settings.NETZWERKSTATT_METRICS_IN_BACKGROUND


def metrics_is_running(*, workspace: Workspace) -> bool:
    """True while some process holds the workspace's computation lock."""
    return LOCK.held(workspace=workspace)


# ------------------------------------------------------------------ in the background


def metrics_refresh_in_background(*, workspace: Workspace) -> bool:
    """Start recomputing in a background thread if stale and nobody computes already.

    Returns whether a computation was started (never when `metrics_in_background`
    is off). Never raises: a failure to start
    is logged, and the page shows the older snapshot. The thread starts once the
    lock is committed (`on_commit`); it computes, releases the lock and closes
    its database connection (`metrics_refresh_run`).
    """
    if not metrics_in_background():
        return False
    try:
        scope = Scope.system(workspace)
        if not metrics_is_stale(scope=scope):
            return False
        token = metrics_lock_acquire(workspace=workspace)
        if token is None:
            return False
        transaction.on_commit(
            lambda: _thread_start(workspace_id=workspace.pk, token=token), robust=True
        )
    except Exception:  # the page must load even when the database or a thread fails here
        logger.exception("Could not start the network metrics of workspace %s", workspace.pk)
        return False
    return True


def metrics_refresh_run(*, workspace_id: int, token: int) -> MetricsSnapshot | None:
    """What the background thread runs: compute and store, then release the lock.

    Catches every error (the thread has nobody to report to but the log). Closes
    the thread's database connection at the end unless a caller's transaction is
    using it (as in tests, which run this function directly).
    """
    snapshot = None
    try:
        workspace = Workspace.objects.get(pk=workspace_id)
        snapshot = metrics_compute(scope=Scope.system(workspace))
    except Exception:
        logger.exception("Computing the network metrics of workspace %s failed", workspace_id)
    finally:
        try:
            metrics_lock_release(workspace_id=workspace_id, token=token)
        except DatabaseError:
            logger.exception("Could not release the metrics lock of workspace %s", workspace_id)
        if not connection.in_atomic_block:
            connection.close()
    return snapshot


def _thread_start(*, workspace_id: int, token: int) -> None:
    threading.Thread(
        target=metrics_refresh_run,
        kwargs={"workspace_id": workspace_id, "token": token},
        name=f"network-metrics-{workspace_id}",
        daemon=True,
    ).start()


def metrics_lock_acquire(*, workspace: Workspace) -> int | None:
    """Take the workspace's computation lock; its token, or None if someone holds it."""
    return LOCK.acquire(workspace=workspace)


def metrics_lock_release(*, workspace_id: int, token: int) -> None:
    LOCK.release(workspace_id=workspace_id, token=token)
