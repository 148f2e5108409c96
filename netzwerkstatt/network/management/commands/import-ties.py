import json
import sys
import textwrap
from argparse import RawDescriptionHelpFormatter
from pathlib import Path

from django.core.management.base import CommandError, DjangoHelpFormatter
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.contacts.importing.errors import UnusableInputError
from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.tie_import import TieImportResult, ties_import
from netzwerkstatt.network.tie_import.columns import HEADINGS

EXIT_ERRORS = 1
EXIT_UNUSABLE = 2

# The example file's rows, as German Excel saves a CSV file.
EXAMPLE = """\
  Von E-Mail;Von Organisation;Von PLZ;Art;An E-Mail;An Organisation;An PLZ;Stärke;Vertrauen;Seit
  anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;4;5;2019
  anna.meyer@igmetall.example;;;berät;;Metallbau Müller GmbH;38518;3;;12.03.2021
  ;IHK Lüneburg-Wolfsburg;21335;Kooperation;;Handwerkskammer Braunschweig;38100;5;4;01.01.2018
"""
HELP_WIDTH = 79


class HelpFormatter(DjangoHelpFormatter, RawDescriptionHelpFormatter):
    """Django's order of the arguments; the description and the epilog as written."""


def _column_help() -> dict[str, str]:
    """What each column holds, by field (HEADINGS names its German and English headings)."""
    return {
        "from_email": _("first end: a person, by e-mail address"),
        "from_organisation": _("first end: an organisation, by name …"),
        "from_postal_code": _("… and postal code (needed when names repeat)"),
        "to_email": _("second end: a person"),
        "to_organisation": _("second end: an organisation …"),
        "to_postal_code": _("… and its postal code"),
        "kind": _(
            "kind of tie (required), e.g. knows, works with, advises, member of the board of, "
            "member of, cooperates with, is a member of, supplies"
        ),
        "strength": _("1 (barely know each other) to 5 (very close), required"),
        "trust": _("1 to 5, optional"),
        "since": _("date (12.03.2019 or 2019-03-12) or year (2019)"),
        "last_contact": _("date"),
        "note": _("text"),
        "purpose": _("text"),
    }


def _epilog() -> str:
    """The columns, how ties are read and an example, for --help."""
    german = max(len(headings[0]) for headings in HEADINGS.values())
    english = max(len(headings[1]) for headings in HEADINGS.values())
    indent = " " * (2 + german + 3 + english + 2)
    lines = textwrap.wrap(
        _("columns (German or English heading; other columns are ignored):"), HELP_WIDTH
    )
    for field, description in _column_help().items():
        headings = f"  {HEADINGS[field][0]:<{german}} / {HEADINGS[field][1]:<{english}}  "
        lines += textwrap.wrap(
            description, HELP_WIDTH, initial_indent=headings, subsequent_indent=indent
        )
    rules = _(
        "Each end is named by an e-mail address or by an organisation, not both. A directed "
        "kind runs from the first end to the second (“advises”: the person advises the "
        "organisation). A tie that exists already is strengthened (higher strength and trust, "
        "earlier “since”, later “last contact”)."
    )
    return "\n".join(
        [
            *lines,
            "",
            textwrap.fill(rules, HELP_WIDTH),
            "",
            textwrap.fill(_("example (CSV, as German Excel saves it):"), HELP_WIDTH),
            EXAMPLE,
        ]
    )


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "Import ties between persons and organisations from a CSV file (or .xlsx) into a "
        "workspace. All rows are checked first; with errors nothing is written unless "
        "--skip-invalid. Exit code 0: imported; 1: errors stopped the import and nothing was "
        "written; 2: the file or the workspace cannot be used."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # The epilog's table keeps its lines, so the description is wrapped here.
        parser.formatter_class = HelpFormatter
        parser.description = textwrap.fill(parser.description, HELP_WIDTH)
        return parser

    def help_epilog(self) -> str:
        return _epilog()

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV or .xlsx file, one tie per row"))
        parser.add_argument("--workspace", required=True, help=_("workspace slug"))
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help=_("import the valid rows and report the invalid ones"),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("check and count, write nothing")
        )
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help=_("print the result as one JSON object"),
        )

    def handle(self, *args, file, workspace, skip_invalid, dry_run, as_json, **options):
        try:
            scope = Scope.system(self.get_workspace(workspace))
        except CommandError as error:
            if as_json:
                self._fail(str(error), as_json=True)
            raise CommandError(str(error), returncode=EXIT_UNUSABLE) from None
        try:
            result = ties_import(
                scope=scope,
                data=Path(file).read_bytes(),
                dry_run=dry_run,
                skip_invalid=skip_invalid,
            )
        except OSError as error:
            self._fail(
                _("The file cannot be read: %(reason)s") % {"reason": error.strerror},
                as_json=as_json,
            )
        except UnusableInputError as error:
            self._fail(error.message, as_json=as_json)
        if as_json:
            self._print_json(result.as_dict())
        else:
            self._report(result)
        if result.stopped:
            sys.exit(EXIT_ERRORS)

    def _fail(self, message: str, *, as_json: bool) -> None:
        if as_json:
            self._print_json(
                {
                    **TieImportResult().as_dict(),
                    "errors": [{"row": None, "column": "", "message": message}],
                }
            )
        else:
            self.stderr.write(message)
        sys.exit(EXIT_UNUSABLE)

    def _print_json(self, data: dict) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False))

    def _report(self, result: TieImportResult) -> None:
        counts = [
            (_("Rows read"), result.rows_read),
            (_("Ties created"), result.ties_created),
            (_("Ties strengthened"), result.ties_strengthened),
        ]
        self.write_import_report(
            result.errors, counts, stopped=result.stopped, dry_run=result.dry_run
        )
