"""The whole database as one comparable value, for "nothing changed" checks."""

import hashlib

from django.apps import apps
from django.db import connection


def database_fingerprint() -> dict[str, tuple[int, str]]:
    """Every non-empty table's row count and a checksum of all its rows, by model label.

    Empty tables are left out (one query counts them all), so a table that gains its
    first row shows up as a new key. Rows are read through the ORM, alike on SQLite and
    PostgreSQL; many-to-many tables are included (their auto-created models).
    """
    models = apps.get_models(include_auto_created=True)
    quote = connection.ops.quote_name
    # Table names come from the models, not from input.
    counts = " UNION ALL ".join(
        f"SELECT {index}, COUNT(*) FROM {quote(model._meta.db_table)}"  # noqa: S608
        for index, model in enumerate(models)
    )
    with connection.cursor() as cursor:
        cursor.execute(counts)
        filled = {index: count for index, count in cursor.fetchall() if count}
    fingerprint = {}
    for index, count in filled.items():
        model = models[index]
        rows = list(model._base_manager.order_by("pk").values_list())
        fingerprint[model._meta.label] = (count, hashlib.sha256(repr(rows).encode()).hexdigest())
    return fingerprint
