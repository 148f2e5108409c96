import json

from django.core.management.base import CommandError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.warm import DEFAULT_K, MAX_K, paths_json, warm_paths_to

TARGET_TYPES = {"org": Organisation, "organisation": Organisation, "person": Person}


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "The best warm paths from the project team to an organisation or a person, "
        "ranked by the chance that the introduction works."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workspace", required=True, help=_("workspace slug"))
        parser.add_argument(
            "--to", required=True, dest="target", help=_("the target: org:ID or person:ID")
        )
        parser.add_argument(
            "--k",
            type=int,
            default=DEFAULT_K,
            help=_("how many paths (1–%(max)s, default %(default)s)")
            % {"max": MAX_K, "default": DEFAULT_K},
        )
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help=_("print the paths as JSON")
        )

    def handle(self, *args, workspace, target, k, as_json, **options):
        scope = Scope.system(self.get_workspace(workspace))
        if not 1 <= k <= MAX_K:
            raise CommandError(_("--k must lie between 1 and %(max)s.") % {"max": MAX_K})
        subject = self._subject(scope, target)
        result = warm_paths_to(scope=scope, subject=subject, k=k)
        if as_json:
            self.stdout.write(
                json.dumps(paths_json(result, explanations=False), ensure_ascii=False)
            )
            return
        if not result.paths:
            if result.target_in_team:
                self.stdout.write(_("The target belongs to the team."))
            elif not result.team_size:
                self.stdout.write(
                    _("No team recorded yet: warm paths start at the persons of the team.")
                )
            else:
                self.stdout.write(
                    _("No warm path found within %(hops)s steps.") % {"hops": result.max_hops}
                )
            return
        for number, path in enumerate(result.paths, start=1):
            self.stdout.write(f"{number}. {path.percent} % – {path.explanation}")
            if path.unasked:
                names = ", ".join(step.node.label for step in path.unasked)
                self.stdout.write(
                    "   " + _("Not yet asked as door opener: %(names)s") % {"names": names}
                )

    def _subject(self, scope: Scope, target: str):
        kind, _separator, pk = target.partition(":")
        model = TARGET_TYPES.get(kind.strip().lower())
        if model is None or not pk.strip().isdigit():
            raise CommandError(
                _("Name the target as org:ID or person:ID, not “%(target)s”.") % {"target": target}
            )
        try:
            return scope.get(model, pk=int(pk))
        except Http404:
            raise CommandError(
                _("“%(target)s” does not exist in this workspace.") % {"target": target}
            ) from None
