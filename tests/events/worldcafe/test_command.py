"""`worldcafe-plan --event ID --workspace SLUG`: an event's World Café from the command line."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from netzwerkstatt.events.models import TableRound, WorldCafe
from tests.factories import EventFactory

from .conftest import register
from .test_plan import set_up, stored


def run(*arguments) -> str:
    out = StringIO()
    call_command("worldcafe-plan", *arguments, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def ready(lead_scope, event, participants):
    return set_up(lead_scope, event, tables=4)


def test_event_json_lists_invitation_ids_with_the_report(ready, event, participants):
    data = json.loads(run("--event", str(event.pk), "--workspace", "bv-nord", "--json"))

    assert set(data) == {"rounds", "repeated_pairs", "report"}
    assert len(data["rounds"]) == 3
    ids = {i.pk for i in participants}
    for tables in data["rounds"]:
        assert len(tables) == 4
        assert sorted(pid for table in tables for pid in table) == sorted(ids)
    assert data["repeated_pairs"] == data["report"]["repeated_pairs"]
    assert data["report"]["violations"] == []
    assert data["report"]["participants"] == 12


def test_event_json_keeps_colleagues_apart(ready, event, participants):
    data = json.loads(run("--event", str(event.pk), "--workspace", "bv-nord", "--json"))

    organisation = {i.pk: n % 6 for n, i in enumerate(participants)}
    for tables in data["rounds"]:
        for table in tables:
            assert len({organisation[pid] for pid in table}) == len(table)


def test_event_plan_is_not_stored_without_save(ready, event):
    run("--event", str(event.pk), "--workspace", "bv-nord", "--json")

    assert WorldCafe.objects.get(pk=ready.pk).planned_at is None
    assert not TableRound.participants.through.objects.exists()


def test_event_plan_with_save_is_stored_like_the_page_does(ready, event, participants):
    data = json.loads(
        run("--event", str(event.pk), "--workspace", "bv-nord", "--json", "--save", "--seed", "3")
    )

    ready.refresh_from_db()
    assert ready.planned_at is not None
    assert ready.seed == 3
    assert stored(ready) == {
        number: {table: set(people) for table, people in enumerate(tables, start=1)}
        for number, tables in enumerate(data["rounds"], start=1)
    }


def test_event_table_output(ready, event, participants, settings):
    settings.LANGUAGE_CODE = "en"

    text = run("--event", str(event.pk), "--workspace", "bv-nord")

    assert "Round 3" in text
    assert "Table 4 – " in text
    assert participants[0].person.last_name in text
    assert "Organisation 1" in text
    assert "Hard rules broken: 0." in text


def test_event_needs_the_workspace(ready, event):
    with pytest.raises(CommandError):
        run("--event", str(event.pk))


def test_event_of_another_workspace_is_not_found(ready, other_workspace):
    foreign = EventFactory(workspace=other_workspace)

    with pytest.raises(CommandError) as error:
        run("--event", str(foreign.pk), "--workspace", "bv-nord")

    assert error.value.returncode == 1


def test_event_without_world_cafe_says_what_to_do(event, participants):
    with pytest.raises(CommandError):
        run("--event", str(event.pk), "--workspace", "bv-nord")

    assert not WorldCafe.objects.exists()


def test_event_with_pure_arguments_is_refused(ready, event):
    with pytest.raises(CommandError):
        run("--event", str(event.pk), "--workspace", "bv-nord", "--rounds", "2")


def test_event_that_cannot_be_planned_exits_with_2(lead_scope, event, organisations):
    for _ in range(3):
        register(event, organisation=organisations[0])
    register(event, organisation=organisations[1])
    set_up(lead_scope, event, tables=2)

    with pytest.raises(CommandError) as error:
        run("--event", str(event.pk), "--workspace", "bv-nord", "--json")

    assert error.value.returncode == 2
    assert "Organisation 1" in str(error.value)


def test_pure_mode_still_needs_rounds():
    with pytest.raises(CommandError):
        run("--groups", "3", "--size", "3")
