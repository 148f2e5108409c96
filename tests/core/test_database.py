import pytest
from django.db import connection

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.database import planner_statistics_refresh
from tests.factories import PersonFactory


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's statistics table")
def test_planner_statistics_refresh_analyses_after_commit(
    workspace, django_capture_on_commit_callbacks
):
    PersonFactory.create_batch(3, workspace=workspace)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        planner_statistics_refresh(Person)

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [Person._meta.db_table])
        analysed_indexes = cursor.fetchone()[0]
    assert len(callbacks) == 1
    assert analysed_indexes > 0
