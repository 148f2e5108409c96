import json

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.metrics import (
    MetricsResult,
    metrics_calculate,
    metrics_lock_acquire,
    metrics_lock_release,
    metrics_snapshot_store,
)

# The summary names this many brokers and communities.
SUMMARY_TOP = 5


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "Compute the network metrics and health figures of a workspace now, store them as "
        "the current snapshot (one is kept per month for the trend) and print them. Suited "
        "to cron, e.g. nightly; the health page then never waits for a computation."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workspace", required=True, help=_("workspace slug"))
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help=_("print the metrics per node and per network and the health figures as JSON"),
        )

    def handle(self, *args, workspace, as_json, **options):
        workspace = self.get_workspace(workspace)
        scope = Scope.system(workspace)
        # Hold the lock while computing, so the health page does not start the same
        # computation meanwhile; compute even if another process holds it (asked for now).
        token = metrics_lock_acquire(workspace=workspace)
        try:
            result = metrics_calculate(scope=scope, progress=None if as_json else self._progress)
            snapshot = metrics_snapshot_store(scope=scope, result=result)
        finally:
            if token is not None:
                metrics_lock_release(workspace_id=workspace.pk, token=token)
        if as_json:
            self.stdout.write(json.dumps(_as_json(result, snapshot), ensure_ascii=False))
        else:
            self._summary(result)

    def _progress(self, stage: str) -> None:
        messages = {
            "load": _("Loading the network …"),
            "metrics": _("Computing the metrics (betweenness, clustering, communities) …"),
            "health": _("Computing the health figures …"),
        }
        self.stderr.write(messages[stage])

    def _summary(self, result: MetricsResult) -> None:
        network, health = result.metrics["network"], result.health
        labels = {node.key: node.label for node in result.data.nodes}
        nodes = result.metrics["nodes"]
        brokers = sorted(
            (key for key in nodes if nodes[key]["betweenness"] > 0),
            key=lambda key: -nodes[key]["betweenness"],
        )[:SUMMARY_TOP]
        betweenness = (
            _("exact")
            if network["betweenness"]["exact"]
            else _("estimated from %(pivots)s pivots")
            % {"pivots": network["betweenness"]["pivots"]}
        )
        lines = [
            (_("Persons and organisations"), _number(network["nodes"])),
            (_("Connections"), _number(network["edges"])),
            (_("Density"), formats.number_format(network["density"], decimal_pos=4)),
            (
                _("Components"),
                _("%(count)s (the largest has %(size)s members)")
                % {
                    "count": _number(network["components"]),
                    "size": _number(network["largest_component"]),
                },
            ),
            (
                _("Communities"),
                _("%(count)s (modularity %(modularity)s)")
                % {
                    "count": _number(len(network["communities"])),
                    "modularity": formats.number_format(network["modularity"], decimal_pos=2),
                },
            ),
            (_("Betweenness"), betweenness),
            (
                _("Dependence on the project team"),
                _("%(share)s (%(count)s of %(members)s members would be cut off)")
                % {
                    "share": _percent(health["team_dependency"]["share"]),
                    "count": _number(len(health["team_dependency"]["cut_off"])),
                    "members": _number(health["team_dependency"]["members"]),
                },
            ),
            (_("Ties to the team only"), _number(health["ties_only_via_team"]["count"])),
            (
                _("Brokers"),
                _("%(count)s (%(team)s of them in the team)")
                % {
                    "count": _number(health["brokers"]["count"]),
                    "team": _number(health["brokers"]["team"]),
                },
            ),
            (
                _("Stale ties"),
                ngettext(
                    "%(count)s (no contact for %(months)s month or more)",
                    "%(count)s (no contact for %(months)s months or more)",
                    health["stale_ties"]["months"],
                )
                % {
                    "count": _number(health["stale_ties"]["count"]),
                    "months": health["stale_ties"]["months"],
                },
            ),
            (_("Isolated members"), _number(health["isolates"]["count"])),
            (_("Top brokers"), "; ".join(labels.get(key, key) for key in brokers) or "–"),
            (
                _("Computing time"),
                _("%(seconds)s s") % {"seconds": formats.number_format(result.seconds, 1)},
            ),
        ]
        width = max(len(label) for label, _value in lines)
        for label, value in lines:
            self.stdout.write(f"{label + ':':<{width + 1}} {value}")
        self.stdout.write(_("The figures are stored; the health page shows them."))


def _number(value: int) -> str:
    return formats.number_format(value, force_grouping=True)


def _percent(share: float) -> str:
    return f"{formats.number_format(share * 100, decimal_pos=1)} %"


def _as_json(result: MetricsResult, snapshot) -> dict:
    """Per node (with type, id and label) and per network, plus the health figures."""
    nodes = result.metrics["nodes"]
    return {
        "workspace": snapshot.workspace.slug,
        "computed_at": snapshot.computed_at.isoformat(),
        "graph_version": result.graph_version,
        "seconds": round(result.seconds, 3),
        "network": result.metrics["network"],
        "nodes": [
            {"type": str(node.type), "id": node.pk, "label": node.label, **nodes[node.key]}
            for node in result.data.nodes
        ],
        "health": result.health,
    }
