"""Writes of the target list: a project's target profile and the stored warm-path scores.

The warm-path scores are derived data, like the network metrics: the best warm path
from the team to each company, computed for all companies at once
(`scoring.best_path_scores` on the cached warm-path index) and stored with the
version of the graph they were computed from (`selectors.warm_path_version`).
The target list reads them and never searches the graph. They are refreshed by
`netzwerkstatt warm-path-scores` (e.g. nightly from cron), by the list itself when
they are stale — at once for a small workspace, in a background thread guarded by
a database lock for a large one — and by the list's "recompute" button.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import OrganisationKind, SizeClass
from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.locks import WorkspaceLock
from netzwerkstatt.core.models import Project, Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.network.enums import NodeType
from netzwerkstatt.network.graph import node_key
from netzwerkstatt.network.loading import cached_graph
from netzwerkstatt.network.selectors import team_person_keys

from .. import scoring
from ..models import TargetProfile, WarmPathScore
from ..selectors.targeting import WEIGHT_FIELDS, warm_path_version, warm_paths_stale
from .pipeline import acquisition_changed

logger = logging.getLogger(__name__)

BATCH_SIZE = 2_000
LOCK_TOPIC = "warm-path-scores-lock"
# Far longer than a refresh takes (seconds at 20,000 companies); a dead process's lock expires.
LOCK_EXPIRES = timedelta(minutes=10)
LOCK = WorkspaceLock(topic=LOCK_TOPIC, expires=LOCK_EXPIRES)
PROFILE_LISTS = ("sectors", "size_classes", "districts")


# --------------------------------------------------------------------------- profile


@transaction.atomic
def target_profile_save(*, scope: Scope, project: Project, **fields) -> TargetProfile:
    """Create or change the project's target profile.

    `fields`: `sectors` (WZ sections or divisions), `size_classes` (SizeClass values),
    `districts` (names as the contacts spell them) and the weights (`sector_weight`, …,
    0 to 10). Lists are cleaned: codes upper-cased, blanks and repeats dropped.
    """
    require(scope, "change_acquisition")
    check_workspace(scope, project)
    allowed = set(PROFILE_LISTS) | set(WEIGHT_FIELDS.values())
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown target profile fields: {sorted(unknown)}")
    profile = TargetProfile.objects.filter(workspace=scope.workspace, project=project).first()
    created = profile is None
    if created:
        profile = TargetProfile(workspace=scope.workspace, project=project)
    values = dict(fields)
    for name in PROFILE_LISTS:
        if name in values:
            values[name] = _unique(values[name], upper=name == "sectors")
    _check_lists(values)
    changed = [name for name, value in values.items() if getattr(profile, name) != value]
    for name, value in values.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    if created or changed:
        activity_record(
            scope=scope,
            action=Action.CREATED if created else Action.UPDATED,
            target=project,
            details={"model": "acquisition.targetprofile", "fields": sorted(changed)},
        )
        acquisition_changed(scope=scope)
    return profile


def _unique(values, *, upper: bool) -> list[str]:
    cleaned = []
    for raw in values or ():
        value = str(raw).strip().upper() if upper else str(raw).strip()
        if value and value not in cleaned:
            cleaned.append(value)
    return cleaned


def _check_lists(values: dict) -> None:
    errors = {}
    wrong = [code for code in values.get("sectors", ()) if wz2008.get(code) is None]
    if wrong:
        errors["sectors"] = _("“%(codes)s” is not a section or division of the WZ 2008.") % {
            "codes": ", ".join(wrong)
        }
    wrong = [size for size in values.get("size_classes", ()) if size not in SizeClass.values]
    if wrong:
        errors["size_classes"] = _("“%(values)s” is not a size class.") % {
            "values": ", ".join(wrong)
        }
    too_long = [name for name in values.get("districts", ()) if len(name) > 100]
    if too_long:
        errors["districts"] = _("A district has at most 100 characters.")
    if errors:
        raise ValidationError(errors)


# ------------------------------------------------------------------------ warm paths


@dataclass(frozen=True)
class WarmPathRefresh:
    companies: int
    reachable: int  # companies with a warm path
    version: int
    seconds: float


def warm_path_scores_refresh(
    *, scope: Scope, progress: Callable[[str, int, int], None] | None = None
) -> WarmPathRefresh:
    """Compute the best warm path's score to every company and store them all.

    `progress(stage, done, total)` hears of the stages "graph", "scores" and "store"
    (for the command's output). Derived data: no activity log entry, as for metrics.
    """
    require(scope, "view_acquisition")
    started = time.perf_counter()
    report = progress or (lambda stage, done, total: None)
    report("graph", 0, 0)
    graph = cached_graph(scope=scope)
    version = _graph_version(graph.version) if graph.version else warm_path_version(scope=scope)
    companies = list(
        scope.objects(Organisation)
        .filter(kind=OrganisationKind.COMPANY)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    report("scores", 0, len(companies))
    scores, hops = scoring.best_path_scores(
        graph.path_graph,
        sources=team_person_keys(scope=scope),
        targets=[node_key(NodeType.ORGANISATION.value, pk) for pk in companies],
    )
    rows = [
        WarmPathScore(
            workspace=scope.workspace,
            organisation_id=pk,
            score=float(value),
            hops=int(hop_count) if value > 0 else None,
            network_version=version,
        )
        for pk, value, hop_count in zip(companies, scores.tolist(), hops.tolist(), strict=True)
    ]
    with transaction.atomic():
        scope.objects(WarmPathScore).delete()
        for start in range(0, len(rows), BATCH_SIZE):
            WarmPathScore.objects.bulk_create(rows[start : start + BATCH_SIZE])
            report("store", min(start + BATCH_SIZE, len(rows)), len(rows))
    return WarmPathRefresh(
        companies=len(companies),
        reachable=int((scores > 0).sum()),
        version=version,
        seconds=time.perf_counter() - started,
    )


def _graph_version(text: str) -> int:
    """The `warm_path_version` a cached graph was built from ("contacts.network.day")."""
    contacts, network, _day = text.split(".", 2)
    return int(contacts) + int(network)


# In the background, one refresh per workspace at a time (as network.metrics.background).


def warm_path_scores_refresh_in_background(*, workspace: Workspace) -> bool:
    """Start a refresh in a background thread if the scores are stale and nobody refreshes
    already. Returns whether one was started; never raises (the page shows the older
    scores). Off with the setting NETZWERKSTATT_METRICS_IN_BACKGROUND, like the metrics."""
    if not settings.NETZWERKSTATT_METRICS_IN_BACKGROUND:
        return False
    try:
        if not warm_paths_stale(scope=Scope.system(workspace)):
            return False
        token = warm_path_lock_acquire(workspace=workspace)
        if token is None:
            return False
        transaction.on_commit(
            lambda: threading.Thread(
                target=warm_path_scores_refresh_run,
                kwargs={"workspace_id": workspace.pk, "token": token},
                name=f"warm-path-scores-{workspace.pk}",
                daemon=True,
            ).start(),
            robust=True,
        )
    except Exception:  # the page must load even when the database or a thread fails here
        logger.exception("Could not start the warm-path scores of workspace %s", workspace.pk)
        return False
    return True


def warm_path_scores_refresh_run(*, workspace_id: int, token: int) -> WarmPathRefresh | None:
    """What the background thread runs: refresh, release the lock, close the connection."""
    result = None
    try:
        workspace = Workspace.objects.get(pk=workspace_id)
        result = warm_path_scores_refresh(scope=Scope.system(workspace))
    except Exception:
        logger.exception("Computing the warm-path scores of workspace %s failed", workspace_id)
    finally:
        try:
            warm_path_lock_release(workspace_id=workspace_id, token=token)
        except DatabaseError:
            logger.exception("Could not release the warm-path lock of workspace %s", workspace_id)
        if not connection.in_atomic_block:
            connection.close()
    return result


def warm_path_refresh_running(*, workspace: Workspace) -> bool:
    return LOCK.held(workspace=workspace)


def warm_path_lock_acquire(*, workspace: Workspace) -> int | None:
    """Take the workspace's refresh lock; its token, or None."""
    return LOCK.acquire(workspace=workspace)


def warm_path_lock_release(*, workspace_id: int, token: int) -> None:
    LOCK.release(workspace_id=workspace_id, token=token)
