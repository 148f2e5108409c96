"""Shared base for the product's management commands."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from .models import Workspace


class NetzwerkstattCommand(BaseCommand):
    """A command that speaks the product's language (German unless configured otherwise)."""

    def execute(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            return super().execute(*args, **options)

    def create_parser(self, prog_name, subcommand, **kwargs):
        """The parser, with `help` and the arguments' help in the product's language.

        argparse prints --help while parsing, before execute() switches the language,
        and wants plain str (it runs re over the description): so `help` (lazy, as
        class attributes must be) is translated here; add_arguments and help_epilog,
        called in here, translate their texts with gettext under the same language.
        """
        with translation.override(settings.LANGUAGE_CODE):
            parser = super().create_parser(prog_name, subcommand, **kwargs)
            parser.description = str(self.help) if self.help else None
            parser.epilog = self.help_epilog()
        return parser

    def help_epilog(self) -> str | None:
        """Text that --help prints after the arguments, in the product's language."""
        return None

    def write_import_report(
        self, errors, counts: list[tuple[str, int]], *, stopped: bool, dry_run: bool
    ) -> None:
        """The end of an import's output: each error, the counts in aligned lines, and
        what happened to the database."""
        for error in errors:
            self.stdout.write(str(error))
        counts = [*counts, (translation.gettext("Invalid rows"), len({e.row for e in errors}))]
        width = max(len(label) for label, _count in counts)
        for label, count in counts:
            self.stdout.write(f"{label + ':':<{width + 1}} {count}")
        if stopped and dry_run:
            message = translation.gettext(
                "Dry run: because of the errors above the import would write nothing. Correct "
                "the file, or import the valid rows alone with --skip-invalid."
            )
        elif stopped:
            message = translation.gettext(
                "Nothing was imported because of the errors above. Correct the file, "
                "or import the valid rows alone with --skip-invalid."
            )
        elif dry_run:
            message = translation.gettext("Dry run: nothing was written.")
        else:
            message = translation.gettext("The import is complete.")
        self.stdout.write(message)

    def get_workspace(self, slug: str) -> Workspace:
        try:
            return Workspace.objects.get(slug=slug)
        except Workspace.DoesNotExist:
            raise CommandError(
                translation.gettext("Workspace “%(slug)s” does not exist.") % {"slug": slug}
            ) from None
