"""Concurrent writers on one SQLite file with the project's settings (WAL, IMMEDIATE, timeout 20).

Migrates a fresh SQLite database in a temporary folder, then for each process count
starts that many processes at once (after each has set up Django), each creating
--writes persons through the contacts service (`person_create`, one transaction each,
which also bumps the workspace's data version: every write touches one shared row).
Prints per process count the writes per second of all processes together, errors
("database is locked" and others), lost rows (expected minus found), and the latency
of single writes (p50, p95, max), which shows the waiting for the write lock.

    .venv/bin/python bench/concurrent_writes.py [--processes 2 4] [--writes 1000]
"""

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NETZWERKSTATT = Path(sys.executable).parent / "netzwerkstatt"
WORKSPACE = "bench"
POLL_SECONDS = 0.01


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--writes", type=int, default=1_000)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--go", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def environment(database: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "netzwerkstatt.settings.local",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(database.parent / "media"),
    }


def worker(label: str, writes: int, go: Path) -> None:
    """One writing process: set up, say so, wait for the start signal, write, report."""
    import django

    django.setup()
    from django.db import DatabaseError

    from netzwerkstatt.contacts.services import person_create
    from netzwerkstatt.core.models import Workspace
    from netzwerkstatt.core.scoping import Scope

    scope = Scope.system(Workspace.objects.get(slug=WORKSPACE))
    print("ready", flush=True)
    while not go.exists():
        time.sleep(POLL_SECONDS)
    latencies, errors, messages = [], 0, set()
    started = time.perf_counter()
    for number in range(writes):
        begin = time.perf_counter()
        try:
            person_create(scope=scope, first_name=label, last_name=f"Nr. {number}")
        except DatabaseError as error:
            errors += 1
            messages.add(str(error))
        latencies.append(time.perf_counter() - begin)
    print(
        json.dumps(
            {
                "errors": errors,
                "messages": sorted(messages),
                "latencies": latencies,
                "started": started,
                "ended": time.perf_counter(),
            }
        ),
        flush=True,
    )


def run(processes: int, writes: int, template: Path, folder: Path) -> dict:
    database = folder / f"db-{processes}.sqlite3"
    with sqlite3.connect(template) as source, sqlite3.connect(database) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    go = folder / f"go-{processes}"
    children = [
        subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                __file__,
                "--worker",
                f"P{index}",
                "--writes",
                str(writes),
                "--go",
                str(go),
            ],
            env=environment(database),
            stdout=subprocess.PIPE,
            text=True,
        )
        for index in range(processes)
    ]
    for child in children:
        if child.stdout.readline().strip() != "ready":
            for other in children:
                other.kill()
            raise SystemExit("a writer did not start")
    go.touch()
    results = [json.loads(child.communicate()[0].strip().splitlines()[-1]) for child in children]
    with sqlite3.connect(database) as check:
        found = check.execute("SELECT COUNT(*) FROM contacts_person").fetchone()[0]
        integrity = check.execute("PRAGMA integrity_check").fetchone()[0]
    check.close()
    # perf_counter is system-wide on Linux (CLOCK_MONOTONIC): comparable across processes.
    seconds = max(r["ended"] for r in results) - min(r["started"] for r in results)
    latencies = sorted(latency for r in results for latency in r["latencies"])
    return {
        "processes": processes,
        "writes": processes * writes,
        "seconds": seconds,
        "per_second": processes * writes / seconds,
        "errors": sum(r["errors"] for r in results),
        "messages": sorted({m for r in results for m in r["messages"]}),
        "lost": processes * writes - sum(r["errors"] for r in results) - found,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "max_ms": latencies[-1] * 1000,
        "over_1s": sum(1 for latency in latencies if latency > 1),
        "integrity": integrity,
    }


def main() -> int:
    arguments = parse_arguments()
    if arguments.worker:
        worker(arguments.worker, arguments.writes, arguments.go)
        return 0
    with tempfile.TemporaryDirectory(prefix="netzwerkstatt-bench-writes-") as tmp:
        folder = Path(tmp)
        template = folder / "template.sqlite3"
        env = environment(template)
        for command in (
            ["migrate", "--noinput", "-v", "0", "--skip-checks"],
            ["create-workspace", WORKSPACE, "--name", "Bench", "--skip-checks"],
        ):
            subprocess.run([str(NETZWERKSTATT), *command], env=env, check=True, capture_output=True)  # noqa: S603
        print(f"{arguments.writes} writes per process (person_create, one transaction each)")
        print("processes  writes/s  seconds  errors  lost  p50 ms  p95 ms  max ms  >1 s  integrity")
        failed = False
        for processes in arguments.processes:
            result = run(processes, arguments.writes, template, folder)
            print(
                f"{result['processes']:>9}  {result['per_second']:>8.0f}  {result['seconds']:>7.1f}"
                f"  {result['errors']:>6}  {result['lost']:>4}  {result['p50_ms']:>6.1f}"
                f"  {result['p95_ms']:>6.1f}  {result['max_ms']:>6.0f}  {result['over_1s']:>4}"
                f"  {result['integrity']}"
            )
            for message in result["messages"]:
                print(f"           error: {message}")
            failed = failed or bool(result["errors"] or result["lost"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
