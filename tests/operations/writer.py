"""A writing process for the operations tests: persons through the contacts service.

    python -m tests.operations.writer --workspace SLUG --label L (--count N | --until FILE)
        [--go FILE]

Runs with the environment's settings (DATABASE_URL, DJANGO_SETTINGS_MODULE). Prints
`ready` once Django is set up, waits for the --go file if given (so several writers
start together), then creates persons with `person_create`, one transaction each,
until --count are written or the --until file exists. Errors are counted, not fatal.
The last line is a JSON object: written, errors, error messages, start and end time.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

POLL_SECONDS = 0.01


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--label", required=True)
    parser.add_argument("--count", type=int, default=0)
    parser.add_argument("--until", type=Path)
    parser.add_argument("--go", type=Path)
    arguments = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netzwerkstatt.settings.local")
    import django

    django.setup()
    from django.db import DatabaseError

    from netzwerkstatt.contacts.services import person_create
    from netzwerkstatt.core.models import Workspace
    from netzwerkstatt.core.scoping import Scope

    scope = Scope.system(Workspace.objects.get(slug=arguments.workspace))
    print("ready", flush=True)  # noqa: T201
    while arguments.go is not None and not arguments.go.exists():
        time.sleep(POLL_SECONDS)

    written, errors, messages = 0, 0, []
    started = time.time()
    number = 0
    while True:
        if arguments.count and number >= arguments.count:
            break
        if arguments.until is not None and arguments.until.exists():
            break
        number += 1
        try:
            person_create(scope=scope, first_name=arguments.label, last_name=f"Nr. {number}")
        except DatabaseError as error:
            errors += 1
            messages.append(str(error))
        else:
            written += 1
    result = {
        "written": written,
        "errors": errors,
        "messages": messages[:5],
        "started": started,
        "ended": time.time(),
    }
    print(json.dumps(result), flush=True)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
