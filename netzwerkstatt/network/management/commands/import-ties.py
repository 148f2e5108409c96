import json
import sys
from argparse import RawDescriptionHelpFormatter
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.importing.errors import UnusableInputError
from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.tie_import import TieImportResult, ties_import

EXIT_ERRORS = 1
EXIT_UNUSABLE = 2

EPILOG = """\
columns (German or English heading; other columns are ignored):
  Von E-Mail       / From e-mail        first end: a person, by e-mail address
  Von Organisation / From organisation  first end: an organisation, by name …
  Von PLZ          / From postal code   … and postal code (needed when names repeat)
  An E-Mail        / To e-mail          second end: a person
  An Organisation  / To organisation    second end: an organisation …
  An PLZ           / To postal code     … and its postal code
  Art              / Kind               kind of tie (required), e.g. kennt, arbeitet mit,
                                        berät, Mitglied im Vorstand, Mitglied,
                                        Kooperation, Mitgliedschaft, Lieferbeziehung
  Stärke           / Strength           1 (barely know each other) to 5 (very close), required
  Vertrauen        / Trust              1 to 5, optional
  Seit             / Since              date (12.03.2019 or 2019-03-12) or year (2019)
  Letzter Kontakt  / Last contact       date
  Notiz            / Note               text
  Zweck            / Purpose            text

Each end is named by an e-mail address or by an organisation, not both. A
directed kind runs from the first end to the second ("berät": the person
advises the organisation). A tie that exists already is strengthened
(higher strength and trust, earlier "since", later "last contact").

example (CSV, as German Excel saves it):
  Von E-Mail;Von Organisation;Von PLZ;Art;An E-Mail;An Organisation;An PLZ;Stärke;Vertrauen;Seit
  anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;4;5;2019
  anna.meyer@igmetall.example;;;berät;;Metallbau Müller GmbH;38518;3;;12.03.2021
  ;IHK Lüneburg-Wolfsburg;21335;Kooperation;;Handwerkskammer Braunschweig;38100;5;4;01.01.2018
"""


class Command(NetzwerkstattCommand):
    help = (
        "Import ties between persons and organisations from a CSV file (or .xlsx) into a "
        "workspace. All rows are checked first; with errors nothing is written unless "
        "--skip-invalid. Exit code 0: imported; 1: errors stopped the import and nothing was "
        "written; 2: the file or the workspace cannot be used."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        parser.epilog = EPILOG
        return parser

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV or .xlsx file, one tie per row")
        parser.add_argument("--workspace", required=True, help="workspace slug")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and report the invalid ones",
        )
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="print the result as one JSON object",
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
        for error in result.errors:
            self.stdout.write(str(error))
        lines = [
            (_("Rows read"), result.rows_read),
            (_("Ties created"), result.ties_created),
            (_("Ties strengthened"), result.ties_strengthened),
            (_("Invalid rows"), len({error.row for error in result.errors})),
        ]
        width = max(len(label) for label, _count in lines)
        for label, count in lines:
            self.stdout.write(f"{label + ':':<{width + 1}} {count}")
        if result.stopped and result.dry_run:
            message = _(
                "Dry run: because of the errors above the import would write nothing. Correct "
                "the file, or import the valid rows alone with --skip-invalid."
            )
        elif result.stopped:
            message = _(
                "Nothing was imported because of the errors above. Correct the file, "
                "or import the valid rows alone with --skip-invalid."
            )
        elif result.dry_run:
            message = _("Dry run: nothing was written.")
        else:
            message = _("The import is complete.")
        self.stdout.write(message)
