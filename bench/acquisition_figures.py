"""The acquisition figures page and the funder report on a year of activity for 20 staff.

Builds a year of synthetic pipeline history in a fresh SQLite database (20 staff,
about 3,000 approaches with their stage changes, 15,000 activities with
participants, agreed and delivered measures, introducers at partner
organisations), then requests the figures page, its XLSX and the funder report
(page, XLSX, PDF) through Django's test client as a logged-in staff member and
prints p50/p95 per page. Goal (issue 4): the figures pages under 500 ms.

    .venv/bin/python bench/acquisition_figures.py [--approaches 3000] [--activities 15000] [--runs 20]
"""

import argparse
import datetime as dt
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BENCH_USER = "bench@example.org"
STAFF = 20
GOAL_MS = 500


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--approaches", type=int, default=3000)
    parser.add_argument("--activities", type=int, default=15_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=4)
    return parser.parse_args()


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "netzwerkstatt.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)


# The way through the pipeline: each step is taken with this chance, else the company
# declines (or stays where it is); some jump a stage, as practice does.
STEP_CHANCE = {
    "cold": (0.7, 0.15, 0.35, 0.8, 0.5),
    "warm": (0.9, 0.45, 0.55, 0.85, 0.5),
    "recommendation": (0.9, 0.5, 0.6, 0.85, 0.5),
    "event": (0.8, 0.35, 0.45, 0.8, 0.5),
}
KINDS = ("identified", "approached", "conversation", "agreement", "active", "completed")


def build(approaches: int, activities: int, seed: int):  # noqa: PLR0915
    from django.utils import timezone

    from netzwerkstatt.acquisition import services
    from netzwerkstatt.acquisition.models import (
        Activity,
        Approach,
        ApproachMeasure,
        Measure,
        StageChange,
    )
    from netzwerkstatt.contacts.models import Function, Organisation, Person
    from netzwerkstatt.core.database import planner_statistics_refresh
    from netzwerkstatt.core.enums import Role
    from netzwerkstatt.core.models import Project
    from netzwerkstatt.core.scoping import Scope
    from netzwerkstatt.core.services import membership_set, user_create, workspace_create

    rng = random.Random(seed)
    started = time.perf_counter()
    workspace = workspace_create(slug="bench", name="Benchmark")
    users = [user_create(email=BENCH_USER, password="bench-passwort-lang")]  # noqa: S106
    users += [
        user_create(email=f"staff{n}@example.org", password="bench-passwort-lang")  # noqa: S106
        for n in range(1, STAFF)
    ]
    for user in users:
        membership_set(user=user, workspace=workspace, role=Role.STAFF)
    project = Project.objects.create(workspace=workspace, name="TraM")
    scope = Scope(workspace=workspace, role=Role.STAFF, user=users[0])
    stages = {stage.kind: stage for stage in services.stages_ensure(scope=scope, project=project)}
    measures = Measure.objects.bulk_create(
        Measure(workspace=workspace, project=project, name=name, name_key=name.lower())
        for name in ("Demografie-Check", "Altersstrukturanalyse", "Führungskräfte-Workshop")
    )

    companies = Organisation.objects.bulk_create(
        Organisation(
            workspace=workspace,
            name=f"Betrieb {index}",
            kind="company",
            sector=rng.choice(["25", "28", "27", "86", "47", "49", "43"]),
            employee_count=rng.choice([None, 4, 8, 15, 30, 80, 150, 400]),
        )
        for index in range(approaches)
    )
    partners = Organisation.objects.bulk_create(
        Organisation(workspace=workspace, name=f"Partner {index}", kind=kind)
        for index, kind in enumerate(["chamber", "union", "employers_association"] * 20)
    )
    people = Person.objects.bulk_create(
        Person(workspace=workspace, first_name="Vorname", last_name=f"Person {index}")
        for index in range(approaches + len(partners))
    )
    Function.objects.bulk_create(
        Function(workspace=workspace, person=person, organisation=organisation)
        for person, organisation in zip(people, [*companies, *partners], strict=True)
    )
    partner_people = people[approaches:]

    now = timezone.now()
    year_ago = now - dt.timedelta(days=365)
    rows, moves, agreed = [], [], []
    for index, company in enumerate(companies):
        channel = rng.choice(list(STEP_CHANCE))
        created = year_ago + dt.timedelta(minutes=rng.randrange(330 * 24 * 60))
        path, moment = [("identified", created)], created
        for step, chance in enumerate(STEP_CHANCE[channel], start=1):
            if rng.random() > chance:
                if step >= 2 and rng.random() < 0.6:
                    moment += dt.timedelta(days=rng.randint(3, 30))
                    if moment < now:
                        path.append(("declined", moment))
                break
            moment += dt.timedelta(days=rng.randint(2, 40))
            if moment >= now:
                break
            if KINDS[step] == "conversation" and rng.random() < 0.1:
                continue  # jumped straight to the agreement
            path.append((KINDS[step], moment))
        kind = path[-1][0]
        rows.append(
            Approach(
                workspace=workspace,
                project=project,
                organisation=company,
                stage=stages[kind],
                stage_changed_at=path[-1][1],
                position=index,
                owner=rng.choice(users),
                channel=channel,
                introducer=rng.choice(partner_people) if channel != "cold" else None,
                created_at=created,
            )
        )
        moves.append(path)
    Approach.objects.bulk_create(rows, batch_size=2000)
    StageChange.objects.bulk_create(
        (
            StageChange(
                workspace=workspace,
                approach=approach,
                stage=stages[kind],
                kind=kind,
                changed_at=moment,
            )
            for approach, path in zip(rows, moves, strict=True)
            for kind, moment in path
        ),
        batch_size=5000,
    )
    for approach, path in zip(rows, moves, strict=True):
        reached = dict(path)
        if "agreement" in reached:
            agreed_on = timezone.localtime(reached["agreement"]).date()
            delivered = reached.get("completed") or reached.get("active")
            agreed.append(
                ApproachMeasure(
                    workspace=workspace,
                    approach=approach,
                    measure=rng.choice(measures),
                    agreed_on=agreed_on,
                    delivered_on=timezone.localtime(delivered).date() if delivered else None,
                    participants=rng.choice([None, 3, 6, 12]),
                )
            )
    ApproachMeasure.objects.bulk_create(agreed, batch_size=2000)

    entries = Activity.objects.bulk_create(
        (
            Activity(
                workspace=workspace,
                project=project,
                organisation=(approach := rng.choice(rows)).organisation,
                approach=approach,
                kind=rng.choice(["call", "email", "meeting", "event_contact"]),
                occurred_on=timezone.localtime(
                    year_ago + dt.timedelta(minutes=rng.randrange(365 * 24 * 60))
                ).date(),
                summary="Gespräch über Bedarfe",
            )
            for _ in range(activities)
        ),
        batch_size=5000,
    )
    through = Activity.participants.through
    employee = {company.pk: person.pk for company, person in zip(companies, people, strict=False)}
    links = set()
    for entry in entries:
        links.add((entry.pk, employee[entry.organisation.pk]))
        if rng.random() < 0.1:
            links.add((entry.pk, rng.choice(partner_people).pk))
    through.objects.bulk_create(
        (through(activity_id=a, person_id=p) for a, p in links), batch_size=5000
    )
    planner_statistics_refresh(Approach, StageChange, ApproachMeasure, Activity, through, Function)
    print(
        f"built {len(rows):,} approaches, {sum(map(len, moves)):,} stage changes, "
        f"{len(agreed):,} agreed measures, {len(entries):,} activities "
        f"({len(links):,} participants) for {STAFF} staff in {time.perf_counter() - started:.1f} s"
    )
    return users[0], project


def measure(user, project, runs: int) -> bool:
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(user)
    pages = [
        ("figures, all projects", "acquisition:figures", {}),
        ("figures, project, one staff member", "acquisition:figures", {"project": project.pk, "owner": user.pk}),
        ("figures, XLSX", "acquisition:figures_xlsx", {}),
        ("funder report", "acquisition:funder_report", {"project": project.pk}),
        ("funder report, XLSX", "acquisition:funder_report_xlsx", {"project": project.pk}),
        ("funder report, PDF", "acquisition:funder_report_pdf", {"project": project.pk}),
    ]  # fmt: skip
    print(f"\n{'page':40} {'p50 ms':>8} {'p95 ms':>8}")
    within_goal = True
    for label, url_name, query in pages:
        client.get(reverse(url_name), query)  # warm caches and compile templates
        gc.freeze()  # as netzwerkstatt/wsgi.py does once the application is loaded
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(reverse(url_name), query)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        if "PDF" not in label:
            within_goal &= p95 < GOAL_MS
        print(f"{label:40} {p50:8.1f} {p95:8.1f}")
        if url_name == "acquisition:figures" and not query:
            total = response.context["figures"].total
            print(
                f"{'':40} {total.approached:,} approached, {total.conversations.count:,} "
                f"conversations, {total.agreements.count:,} agreements"
            )
    return within_goal


def main() -> None:
    arguments = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="netzwerkstatt-bench-") as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        user, project = build(arguments.approaches, arguments.activities, arguments.seed)
        within_goal = measure(user, project, arguments.runs)
    print(
        f"\nfigures pages p95 < {GOAL_MS} ms"
        if within_goal
        else f"\nSOME FIGURES PAGES MISS THE {GOAL_MS} ms GOAL"
    )


if __name__ == "__main__":
    main()
