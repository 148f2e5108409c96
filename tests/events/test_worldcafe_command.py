import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from netzwerkstatt.events.tableplanner import Problem

from .tableplanner.checker import problems_with, repeated_encounters


def plan_json(*arguments):
    out = StringIO()
    call_command("worldcafe-plan", *arguments, "--json", stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def test_json_lists_rounds_of_tables_of_participants():
    data = plan_json("--groups", "5", "--size", "3", "--rounds", "7", "--seed", "1")

    assert set(data) == {"rounds", "repeated_pairs"}
    assert data["repeated_pairs"] == 0
    assert [len(tables) for tables in data["rounds"]] == [5] * 7
    assert all(len(table) == 3 for tables in data["rounds"] for table in tables)
    problem = Problem.social_golfer(groups=5, size=3, rounds=7)
    assert problems_with(problem, data["rounds"]) == []
    assert repeated_encounters(data["rounds"]) == 0


def test_json_reports_the_repeats_it_could_not_avoid():
    data = plan_json("--groups", "3", "--size", "2", "--rounds", "7")

    assert data["repeated_pairs"] == repeated_encounters(data["rounds"]) == 6


def test_readable_plan(settings):
    settings.LANGUAGE_CODE = "en"
    out = StringIO()

    call_command("worldcafe-plan", "--groups", "3", "--size", "3", "--rounds", "4", stdout=out)

    text = out.getvalue()
    assert "Round 4" in text
    assert "Table 3:" in text
    assert "Repeated encounters: 0." in text
    assert "no plan can do better" in text


def test_progress_on_stderr_when_it_takes_longer_than_a_second():
    err = StringIO()

    call_command(
        "worldcafe-plan",
        *("--groups", "8", "--size", "4", "--rounds", "10", "--seconds", "2", "--json"),
        stdout=StringIO(),
        stderr=err,
    )

    assert err.getvalue().strip()


@pytest.mark.parametrize(
    "arguments",
    [
        ("--groups", "0", "--size", "3", "--rounds", "2"),
        ("--groups", "3", "--size", "-1", "--rounds", "2"),
        ("--groups", "3", "--rounds", "2"),
        ("--groups", "3", "--size", "3", "--rounds", "0"),
        ("--groups", "3", "--size", "3", "--rounds", "2", "--seconds", "0"),
        ("--groups", "100", "--size", "100", "--rounds", "2"),
    ],
)
def test_impossible_parameters_exit_with_code_2(arguments):
    with pytest.raises(CommandError) as raised:
        call_command("worldcafe-plan", *arguments, stdout=StringIO())

    assert raised.value.returncode == 2
