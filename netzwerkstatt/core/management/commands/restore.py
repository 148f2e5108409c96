from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.core.backup import BackupError, backup_restore
from netzwerkstatt.core.commands import NetzwerkstattCommand


class Command(NetzwerkstattCommand):
    # A backup or restore must work even while some system check fails: it may be how
    # the installation gets repaired.
    requires_system_checks = []
    help = gettext_lazy(
        "Restore a backup made with “netzwerkstatt backup”: the database and the media "
        "files. Stop the application servers first. Afterwards the database is checked "
        "against the backup's row counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("the backup (.tar.gz)"))
        parser.add_argument(
            "--yes",
            action="store_true",
            help=_("replace the data of a database that is not empty"),
        )

    def handle(self, *args, file, yes, **options):
        try:
            result = backup_restore(archive=Path(file), confirmed=yes, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(error.message) from None
        for note in result.notes:
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write(
            _("The backup of %(created_at)s is restored.")
            % {"created_at": result.manifest.get("created_at")}
        )
