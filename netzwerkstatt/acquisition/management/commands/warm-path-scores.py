from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.acquisition.services import warm_path_scores_refresh
from netzwerkstatt.acquisition.services.targeting import (
    warm_path_lock_acquire,
    warm_path_lock_release,
)
from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.scoping import Scope


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "Compute the best warm path from the team to every company of a workspace and store "
        "the scores the target lists read. Suited to cron, e.g. nightly; the target list then "
        "never waits for a computation."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workspace", required=True, help=_("workspace slug"))

    def handle(self, *args, workspace, **options):
        workspace = self.get_workspace(workspace)
        # Hold the lock, so the target list does not start the same computation meanwhile;
        # compute even if another process holds it (asked for now).
        token = warm_path_lock_acquire(workspace=workspace)
        try:
            refresh = warm_path_scores_refresh(
                scope=Scope.system(workspace), progress=self._progress
            )
        finally:
            if token is not None:
                warm_path_lock_release(workspace_id=workspace.pk, token=token)
        lines = [
            (_("Companies"), _number(refresh.companies)),
            (_("with a warm path"), _number(refresh.reachable)),
            (
                _("Computing time"),
                _("%(seconds)s s") % {"seconds": formats.number_format(refresh.seconds, 1)},
            ),
        ]
        width = max(len(label) for label, _value in lines)
        for label, value in lines:
            self.stdout.write(f"{label + ':':<{width + 1}} {value}")
        self.stdout.write(_("The scores are stored; the target lists show them."))

    def _progress(self, stage: str, done: int, total: int) -> None:
        if stage == "graph":
            self.stderr.write(_("Loading the network …"))
        elif stage == "scores":
            self.stderr.write(
                _("Finding the best warm path to %(count)s companies …") % {"count": _number(total)}
            )
        elif stage == "store":
            self.stderr.write(
                _("Stored %(done)s of %(total)s") % {"done": _number(done), "total": _number(total)}
            )


def _number(value: int) -> str:
    return formats.number_format(value, force_grouping=True)
