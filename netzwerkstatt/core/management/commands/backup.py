from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.core.backup import BackupError, backup_create, backup_default_name
from netzwerkstatt.core.commands import NetzwerkstattCommand


class Command(NetzwerkstattCommand):
    # A backup or restore must work even while some system check fails: it may be how
    # the installation gets repaired.
    requires_system_checks = []
    help = gettext_lazy(
        "Back up the database and the media folder into one .tar.gz file. On SQLite the "
        "backup is consistent while the application keeps writing; on PostgreSQL it uses "
        "pg_dump. The file holds personal data: keep it as safe as the database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help=_("file to write (default: netzwerkstatt-backup-<date>-<time>.tar.gz here)"),
        )

    def handle(self, *args, output, **options):
        path = Path(output or backup_default_name())
        try:
            manifest = backup_create(output=path, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            _("Backup written to %(path)s (%(rows)s rows, %(files)s media files).")
            % {
                "path": path.resolve(),
                "rows": sum(manifest["counts"].values()),
                "files": manifest["media"]["files"],
            }
        )
