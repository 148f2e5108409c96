"""Database housekeeping the query planner needs."""

from django.db import connection, models, transaction

# Rows SQLite samples per index when analysing: enough for the planner, quick at any size.
SQLITE_ANALYSIS_LIMIT = 1000


def planner_statistics_refresh(*tables: type[models.Model]) -> None:
    """Refresh the planner's statistics for these models' tables once the transaction commits.

    Call after bulk writes. Without statistics SQLite takes `workspace_id = ?` for a
    selective condition and walks a whole workspace where an index on the parent
    row would do: measured with bench/list_search.py at 300,000 persons, the person
    list page took 120 ms before and 30 ms after.
    """
    names = [connection.ops.quote_name(model._meta.db_table) for model in tables]

    def analyse() -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
            for name in names:
                cursor.execute(f"ANALYZE {name}")

    transaction.on_commit(analyse)
