"""Two processes writing at once into one SQLite file with the project's settings (WAL,
IMMEDIATE transactions, 20 s timeout): no "database is locked" for anybody, nothing lost
(issue 7, proof 9). Figures for more processes: bench/concurrent_writes.py."""

import pytest

from .conftest import on_sqlite, writer, writer_result, writer_wait_ready

pytestmark = pytest.mark.skipif(not on_sqlite, reason="SQLite's locking is what is tested")

PROCESSES = 2
WRITES = 1_000


def test_two_processes_write_a_thousand_persons_each(sqlite_site, tmp_path):
    go = tmp_path / "los"
    processes = [
        writer(
            sqlite_site.env, "--label", f"Prozess {number}", "--count", str(WRITES), "--go", str(go)
        )
        for number in range(PROCESSES)
    ]
    try:
        for process in processes:
            writer_wait_ready(process)
        go.touch()
        results = [writer_result(process) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()

    assert [result["errors"] for result in results] == [0] * PROCESSES, [
        result["messages"] for result in results
    ]
    assert [result["written"] for result in results] == [WRITES] * PROCESSES
    # They really wrote at the same time: each started before the other ended.
    assert max(result["started"] for result in results) < min(result["ended"] for result in results)
    for number in range(PROCESSES):
        assert sqlite_site.query(
            "SELECT COUNT(*) FROM contacts_person WHERE first_name = ?", f"Prozess {number}"
        ) == [(WRITES,)]
    assert sqlite_site.query("SELECT COUNT(*) FROM contacts_person") == [(PROCESSES * WRITES,)]
    assert sqlite_site.query("PRAGMA integrity_check") == [("ok",)]
