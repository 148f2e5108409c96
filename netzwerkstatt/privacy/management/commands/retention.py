from django.core.management.base import CommandError
from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.models import Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.privacy.enums import RetentionRule
from netzwerkstatt.privacy.retention import RuleOutcome, model_label, retention_run

# A dry run lists at most this many ids per model; the count says how many there are.
IDS_SHOWN = 200


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "Apply the retention periods of each workspace (or of one): delete what is older than "
        "the months set per rule on the retention page, and record the run as proof. With "
        "--dry-run nothing is deleted; the run lists what would go, with the object ids. Suited "
        "to cron, e.g. nightly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("delete nothing; list what would be deleted, with the ids"),
        )
        parser.add_argument("--workspace", help=_("only this workspace (its slug)"))

    def handle(self, *args, dry_run, workspace, **options):
        self.traceback = options.get("traceback", False)
        workspaces = (
            Workspace.objects.filter(pk=self.get_workspace(workspace).pk)
            if workspace
            else Workspace.objects.order_by("slug")
        )
        failed = self._run_all(workspaces, dry_run=dry_run)
        if dry_run:
            self.stdout.write(_("Dry run: nothing was deleted."))
        if failed:
            raise CommandError(
                _("The run stopped with an error in: %(workspaces)s")
                % {"workspaces": ", ".join(failed)}
            )

    def _run_all(self, workspaces: QuerySet[Workspace], *, dry_run: bool) -> list[str]:
        failed = []
        for workspace in workspaces:
            self.stdout.write(
                _("Workspace “%(name)s” (%(slug)s)")
                % {"name": workspace.name, "slug": workspace.slug}
            )
            try:
                report = retention_run(
                    scope=Scope.system(workspace), dry_run=dry_run, progress=self._progress
                )
            except Exception as error:  # one workspace's failure must not stop the others
                if self.traceback:
                    raise
                self.stderr.write(
                    _("  Stopped with an error: %(error)s") % {"error": type(error).__name__}
                )
                failed.append(workspace.slug)
                continue
            if not report.outcomes:
                self.stdout.write(_("  No retention rule is switched on."))
            for outcome in report.outcomes:
                self._outcome(outcome, dry_run=dry_run)
            self.stdout.write(_("  Recorded as run no. %(number)s.") % {"number": report.run.pk})
        return failed

    def _progress(self, rule: RetentionRule, cutoff) -> None:
        self.stderr.write(
            _("  Applying “%(rule)s” (older than %(date)s) …")
            % {"rule": rule.label, "date": formats.date_format(cutoff, "SHORT_DATE_FORMAT")}
        )

    def _outcome(self, outcome: RuleOutcome, *, dry_run: bool) -> None:
        verb = _("would delete") if dry_run else _("deleted")
        period = ngettext("%(months)s month", "%(months)s months", outcome.months) % {
            "months": outcome.months
        }
        self.stdout.write(
            f"  {outcome.rule.label} ({period}): {verb} "
            + (
                ", ".join(
                    f"{count} {model_label(label, count)}"
                    for label, count in outcome.counts.items()
                )
                or "0"
            )
        )
        for label, ids in outcome.ids.items():
            if not ids:
                continue
            shown = ", ".join(map(str, ids[:IDS_SHOWN]))
            more = len(ids) - IDS_SHOWN
            suffix = " " + _("and %(count)s more") % {"count": more} if more > 0 else ""
            ids_label = _("ids")
            self.stdout.write(f"    {model_label(label, len(ids))}: {ids_label} {shown}{suffix}")
