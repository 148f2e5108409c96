from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.privacy import erasure
from netzwerkstatt.privacy.subjects import records_about


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "Erase a person everywhere in a workspace (Art. 17 GDPR), as the erasure page does. "
        "Without --yes it only lists what would be erased."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workspace", required=True, help=_("the workspace's slug"))
        parser.add_argument("--person", required=True, type=int, help=_("the person's ID"))
        parser.add_argument("--yes", action="store_true", help=_("erase without asking"))

    def handle(self, *args, workspace, person, yes, **options):
        scope = Scope.system(self.get_workspace(workspace))
        found = scope.objects(Person).filter(pk=person).first()
        if found is None:
            if erasure.person_was_erased(scope=scope, person_pk=person):
                self.stdout.write(_("Person %(id)s has already been erased.") % {"id": person})
                return
            raise CommandError(_("There is no person %(id)s in this workspace.") % {"id": person})
        records = {
            subject.label: count
            for subject, rows in records_about(scope=scope, person_pk=person).items()
            if (count := rows.count())
        }
        width = max(map(len, records))
        for label, count in records.items():
            self.stdout.write(f"{label + ':':<{width + 1}} {count}")
        if not yes:
            self.stdout.write(_("Nothing was erased. Run again with --yes to erase the person."))
            return
        result = erasure.person_erase(scope=scope, person=found)
        self.stdout.write(
            _("Person %(id)s has been erased; %(mentions)s mentions in texts replaced.")
            % {"id": person, "mentions": result.mentions}
        )
