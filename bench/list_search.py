"""List and search pages with 100,000 organisations and 300,000 persons.

Builds the data in a fresh SQLite database (or the one DATABASE_URL names, which
must be empty), then requests the contact list pages through Django's test
client as a logged-in staff member and prints p50/p95 per page.
Goal (issue 2): every page under 150 ms.

    .venv/bin/python bench/list_search.py [--organisations 100000] [--persons 300000] [--runs 30]
"""

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--persons", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--database",
        type=Path,
        help="keep the built data in this SQLite file and reuse it next time",
    )
    return parser.parse_args()


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "netzwerkstatt.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host name and response.context
    call_command("migrate", verbosity=0)


def build(organisations: int, persons: int, seed: int):
    from faker.providers.person.de_DE import Provider as Names

    from netzwerkstatt.contacts.models import (
        CONTACT_TABLES,
        EmailAddress,
        Function,
        Organisation,
        Person,
    )
    from netzwerkstatt.contacts.services import organisation_keys, person_keys
    from netzwerkstatt.core.database import planner_statistics_refresh
    from netzwerkstatt.core.enums import Role
    from netzwerkstatt.core.services import membership_set, user_create, workspace_create

    rng = random.Random(seed)
    workspace = workspace_create(slug="bench", name="Benchmark")
    user = user_create(email=BENCH_USER, password="bench-passwort-lang")  # noqa: S106
    membership_set(user=user, workspace=workspace, role=Role.STAFF)
    first_names = list(Names.first_names)
    last_names = list(Names.last_names)
    words = [
        "Metallbau",
        "Elektrotechnik",
        "Maschinenbau",
        "Pflegedienst",
        "Logistik",
        "Bäckerei",
        "Autohaus",
        "Präzisionsteile",
    ]
    forms = ["GmbH", "GmbH & Co. KG", "KG", "e.K.", "AG"]
    districts = [
        "Landkreis Gifhorn",
        "Landkreis Peine",
        "Landkreis Helmstedt",
        "Region Hannover",
        "Stadt Wolfsburg",
        "Landkreis Goslar",
    ]
    kinds = ["company"] * 9 + ["chamber", "union", "education_provider"]

    started = time.perf_counter()
    batch = []
    for index in range(organisations):
        organisation = Organisation(
            workspace=workspace,
            name=f"{rng.choice(words)} {rng.choice(last_names)} {rng.choice(forms)} {index}",
            kind=rng.choice(kinds),
            sector=rng.choice(["25", "28", "27", "86", "47", "49"]),
            employee_count=rng.choice([3, 8, 15, 30, 80, 150, 400]),
            postal_code=f"{rng.randint(30000, 39999)}",
            city=rng.choice(["Gifhorn", "Peine", "Wolfsburg", "Hannover", "Goslar", "Helmstedt"]),
            district=rng.choice(districts),
            state="NI",
        )
        organisation_keys(organisation)
        batch.append(organisation)
    Organisation.objects.bulk_create(batch, batch_size=5000)
    organisation_ids = list(Organisation.objects.values_list("id", flat=True))

    for start in range(0, persons, 20_000):
        people, emails, functions = [], [], []
        for index in range(start, min(start + 20_000, persons)):
            first, last = rng.choice(first_names), rng.choice(last_names)
            address = f"{first}.{last}{index}@betrieb.example".lower()
            person = Person(workspace=workspace, first_name=first, last_name=last)
            person_keys(person, [address])
            people.append((person, address))
        Person.objects.bulk_create([person for person, _ in people], batch_size=5000)
        for person, address in people:
            emails.append(
                EmailAddress(
                    workspace=workspace, person=person, address=address, address_key=address
                )
            )
            functions.append(
                Function(
                    workspace=workspace,
                    person=person,
                    organisation_id=rng.choice(organisation_ids),
                    role="Geschäftsführung",
                )
            )
        EmailAddress.objects.bulk_create(emails, batch_size=5000)
        Function.objects.bulk_create(functions, batch_size=5000)
    planner_statistics_refresh(*CONTACT_TABLES)  # as an import does
    print(
        f"built {organisations:,} organisations and {persons:,} persons in {time.perf_counter() - started:.1f} s"
    )
    return user


BENCH_USER = "bench@example.org"
PAGES = [
    ("organisations, page 1", "contacts:organisation_list", {}),
    ("organisations, page 2,000", "contacts:organisation_list", {"page": 2000}),
    ("organisations, search 'mueller'", "contacts:organisation_list", {"search": "mueller"}),
    (
        "organisations, search rare",
        "contacts:organisation_list",
        {"search": "präzisionsteile schulz 4711"},
    ),
    (
        "organisations, kind + district + size",
        "contacts:organisation_list",
        {"kind": "company", "district": "Landkreis Peine", "size_class": "small"},
    ),
    (
        "organisations, sector C, most employees",
        "contacts:organisation_list",
        {"sector": "C", "sort": "-employees"},
    ),
    ("persons, page 1", "contacts:person_list", {}),
    ("persons, search 'schmidt'", "contacts:person_list", {"search": "schmidt"}),
    ("persons, search e-mail", "contacts:person_list", {"search": "betrieb.example 12345"}),
    ("persons, search 'Jürgen Müller'", "contacts:person_list", {"search": "Jürgen Müller"}),
]


def measure(user, runs: int) -> bool:
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(user)
    print(f"\n{'page':45} {'p50 ms':>8} {'p95 ms':>8} {'rows':>8}")
    within_goal = True
    for label, url_name, query in PAGES:
        client.get(reverse(url_name), query)  # warm caches and compile templates
        gc.freeze()  # as netzwerkstatt/wsgi.py does once the application is loaded
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(reverse(url_name), query)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        count = response.context["page"].paginator.count
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        within_goal &= p95 < 150
        print(f"{label:45} {p50:8.1f} {p95:8.1f} {count:8,}")
    return within_goal


def main() -> None:
    arguments = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="netzwerkstatt-bench-") as folder:
        setup_django(arguments.database or Path(folder) / "bench.sqlite3")
        from netzwerkstatt.core.models import User

        user = User.objects.filter(email=BENCH_USER).first() or build(
            arguments.organisations, arguments.persons, arguments.seed
        )
        within_goal = measure(user, arguments.runs)
    print("\nall pages p95 < 150 ms" if within_goal else "\nSOME PAGES MISS THE 150 ms GOAL")


if __name__ == "__main__":
    main()
