"""Contact import of a 100,000-row Outlook CSV with duplicates into a fresh SQLite database.

Writes a CSV as German Outlook exports it (all of Outlook's German columns, every
field quoted, CRLF, Windows-1252 or UTF-8) in which about one row in ten repeats
an earlier contact, migrates a new SQLite database in a temporary folder, and
imports the file through the real service (`contacts_import`). Prints rows per
second, wall time and peak memory: the process's resident set high-water mark
from resource.getrusage (ru_maxrss), before and after the import.
Goal (issue 3): under 60 s and under 500 MB.

    .venv/bin/python bench/import_contacts.py [--rows 100000] [--encoding cp1252|utf-8]
"""

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# German Outlook's CSV export columns, in Outlook's order.
OUTLOOK_HEADERS = [
    "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Suffix", "Firma", "Abteilung",
    "Position", "Straße geschäftlich", "Straße geschäftlich 2", "Straße geschäftlich 3",
    "Ort geschäftlich", "Region geschäftlich", "Postleitzahl geschäftlich",
    "Land/Region geschäftlich", "Straße privat", "Straße privat 2", "Straße privat 3",
    "Ort privat", "Bundesland/Kanton privat", "Postleitzahl privat", "Land/Region privat",
    "Weitere Straße", "Weitere Straße 2", "Weitere Straße 3", "Weiterer Ort",
    "Weiteres/r Bundesland/Kanton", "Weitere Postleitzahl", "Weiteres/e Land/Region",
    "Telefon Assistent", "Fax geschäftlich", "Telefon geschäftlich", "Telefon geschäftlich 2",
    "Rückmeldung", "Autotelefon", "Telefon Firma", "Fax privat", "Telefon privat",
    "Telefon privat 2", "ISDN", "Mobiltelefon", "Weiteres Fax", "Weiteres Telefon", "Pager",
    "Haupttelefon", "Mobiltelefon 2", "Telefon für Hörbehinderte", "Telex",
    "Abrechnungsinformation", "Benutzer 1", "Benutzer 2", "Benutzer 3", "Benutzer 4", "Beruf",
    "Büro", "E-Mail-Adresse", "E-Mail-Typ", "E-Mail: Angezeigter Name", "E-Mail 2: Adresse",
    "E-Mail 2: Typ", "E-Mail 2: Angezeigter Name", "E-Mail 3: Adresse", "E-Mail 3: Typ",
    "E-Mail 3: Angezeigter Name", "Empfohlen von", "Geburtstag", "Geschlecht", "Hobby",
    "Initialen", "Internet-Frei/Gebucht", "Jahrestag", "Kategorien", "Kinder", "Konto",
    "Name des/der Vorgesetzten", "Notizen", "Organisations-Nr.", "Ort", "Partner",
    "Postfach geschäftlich", "Postfach privat", "Priorität", "Privat", "Regierungs-Nr.",
    "Reisekilometer", "Sprache", "Stichwörter", "Vertraulichkeit", "Verzeichnisserver",
    "Webseite", "Weiteres Postfach",
]  # fmt: skip
OUTLOOK_DEFAULTS = {
    "Geburtstag": "0.0.00", "Jahrestag": "0.0.00", "Geschlecht": "Nicht angegeben",
    "Priorität": "Normal", "Privat": "Aus", "Vertraulichkeit": "Normal",
}  # fmt: skip
CITIES = [
    ("38518", "Gifhorn"), ("38100", "Braunschweig"), ("38440", "Wolfsburg"),
    ("29378", "Wittingen"), ("38300", "Wolfenbüttel"), ("01067", "Dresden"),
    ("30159", "Hannover"), ("38350", "Helmstedt"), ("31224", "Peine"), ("38226", "Salzgitter"),
]  # fmt: skip
LEGAL_FORMS = ["GmbH", "GmbH & Co. KG", "AG", "e. K.", "KG", "OHG", "e. V."]
ROLES = ["Geschäftsführung", "Personalleitung", "Ausbildungsleitung", "Inhaber/in", "Betriebsrat"]
CATEGORIES = ["KMU", "Metall", "Handwerk", "Netzwerkpartner", "Pflege", "Logistik"]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--encoding", choices=["cp1252", "utf-8"], default="cp1252")
    parser.add_argument("--duplicate-share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def write_csv(path: Path, *, rows: int, encoding: str, duplicate_share: float, seed: int) -> int:
    """Write the file row by row; return how many rows repeat an earlier contact."""
    from faker.providers.person.de_DE import Provider as Names

    rng = random.Random(seed)
    first_names = list(Names.first_names_female) + list(Names.first_names_male)
    last_names = list(Names.last_names)
    trades = ["Metallbau", "Logistik", "Pflegedienst", "Elektrotechnik", "Bäckerei", "Tischlerei"]
    companies = [
        (f"{rng.choice(last_names)} {rng.choice(trades)} {rng.choice(LEGAL_FORMS)}", *rng.choice(CITIES), n)
        for n in range(max(1, rows // 5))
    ]  # fmt: skip
    written: list[list[str]] = []  # earlier rows that duplicates repeat (a sample suffices)
    duplicates = 0
    with path.open("w", encoding=encoding, newline="") as output:
        writer = csv.writer(output, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(OUTLOOK_HEADERS)
        for number in range(rows):
            if written and rng.random() < duplicate_share:
                row = list(rng.choice(written))
                email = OUTLOOK_HEADERS.index("E-Mail-Adresse")
                row[email] = row[email].upper()  # the same address in other spelling
                duplicates += 1
            else:
                row = _contact_row(rng, number, first_names, last_names, companies)
                if len(written) < 10_000:
                    written.append(row)
            writer.writerow(row)
    return duplicates


def _contact_row(rng, number, first_names, last_names, companies) -> list[str]:
    first, last = rng.choice(first_names), rng.choice(last_names)
    company, postal_code, city, company_number = rng.choice(companies)
    domain = f"betrieb{company_number}.example"
    values = {
        **OUTLOOK_DEFAULTS,
        "Anrede": rng.choice(["Frau", "Herr", ""]),
        "Vorname": first,
        "Nachname": last,
        "Firma": company,
        "Position": rng.choice(ROLES),
        "Straße geschäftlich": f"{rng.choice(['Haupt', 'Bahnhof', 'Industrie'])}straße {rng.randint(1, 120)}",
        "Ort geschäftlich": city,
        "Postleitzahl geschäftlich": postal_code,
        "Land/Region geschäftlich": "Deutschland",
        "Telefon geschäftlich": f"0{rng.randint(3000, 5999)} {rng.randint(10000, 999999)}",
        "Mobiltelefon": f"01{rng.randint(50, 79)} {rng.randint(1000000, 9999999)}" if rng.random() < 0.4 else "",
        "E-Mail-Adresse": f"{_ascii(first)}.{_ascii(last)}{number}@{domain}",
        "E-Mail-Typ": "SMTP",
        "E-Mail: Angezeigter Name": f"{first} {last}",
        "Kategorien": ";".join(rng.sample(CATEGORIES, rng.randint(0, 2))),
        "Notizen": "Erstkontakt auf der Ausbildungsmesse.\r\nRückruf vereinbart." if rng.random() < 0.2 else "",
        "Webseite": f"www.{domain}",
    }  # fmt: skip
    return [values.get(header, "") for header in OUTLOOK_HEADERS]


def _ascii(name: str) -> str:
    """The name as people spell it in e-mail addresses: "Jürgen Groß" → "juergen-gross"."""
    for umlaut, spelled in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("ß", "ss"),
        (" ", "-"),
        (".", ""),
    ):
        name = name.lower().replace(umlaut, spelled)
    return name.encode("ascii", "ignore").decode()


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "netzwerkstatt.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    arguments = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="netzwerkstatt-bench-import-") as folder:
        csv_path = Path(folder) / "outlook-export.csv"
        duplicates = write_csv(
            csv_path,
            rows=arguments.rows,
            encoding=arguments.encoding,
            duplicate_share=arguments.duplicate_share,
            seed=arguments.seed,
        )
        setup_django(Path(folder) / "bench.sqlite3")
        from netzwerkstatt.contacts.importing.reading import read_source
        from netzwerkstatt.contacts.importing.service import contacts_import
        from netzwerkstatt.contacts.models import Organisation, Person
        from netzwerkstatt.core.scoping import Scope
        from netzwerkstatt.core.services import workspace_create

        scope = Scope.system(workspace_create(slug="bench", name="Benchmark"))
        size_mb = csv_path.stat().st_size / 1024 / 1024
        print(
            f"File: {arguments.rows:,} rows, {size_mb:.1f} MB, {arguments.encoding}, "
            f"{len(OUTLOOK_HEADERS)} Outlook columns, {duplicates:,} rows repeat a contact"
        )
        rss_before = peak_rss_mb()

        started = time.perf_counter()
        result = contacts_import(scope=scope, source=read_source(csv_path.read_bytes()))
        seconds = time.perf_counter() - started

        print(
            f"Result: {result.organisations_created:,} organisations and "
            f"{result.persons_created:,} persons created, {result.duplicates:,} duplicates, "
            f"{len(result.errors)} errors; in the database: {Organisation.objects.count():,} "
            f"organisations, {Person.objects.count():,} persons"
        )
        for error in result.errors[:5]:
            print(f"  {error}")
        print(f"Wall time: {seconds:.1f} s ({arguments.rows / seconds:,.0f} rows/s)")
        print(
            f"Peak memory (RSS high-water mark, getrusage ru_maxrss): {peak_rss_mb():.0f} MB "
            f"(before the import: {rss_before:.0f} MB)"
        )
        within = seconds < 60 and peak_rss_mb() < 500
        print(f"Goal (< 60 s, < 500 MB): {'met' if within else 'MISSED'}")


if __name__ == "__main__":
    main()
