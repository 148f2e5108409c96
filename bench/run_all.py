"""Run every benchmark in this folder, one process each, and print their figures.

.venv/bin/python bench/run_all.py
"""

import subprocess
import sys
from pathlib import Path

BENCHMARKS = [
    "import_contacts.py",
    "list_search.py",
    "warm_paths.py",
    "network_analytics.py",
    "social_golfer.py",
    "worldcafe.py",
    "target_list.py",
    "acquisition_figures.py",
    "concurrent_writes.py",
]


def main() -> int:
    folder = Path(__file__).resolve().parent
    failed = []
    for name in BENCHMARKS:
        print(f"\n=== {name} ===", flush=True)
        if subprocess.run([sys.executable, str(folder / name)], check=False).returncode:  # noqa: S603
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
