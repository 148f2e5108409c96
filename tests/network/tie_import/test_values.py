import datetime as dt
from itertools import product

import pytest
from django.utils import timezone, translation

from netzwerkstatt.contacts.importing.values import InvalidValueError
from netzwerkstatt.network.enums import NodeType, TieKind
from netzwerkstatt.network.tie_import.columns import HEADINGS, recognise
from netzwerkstatt.network.tie_import.values import (
    _kind_lookup,
    kind_candidates,
    kind_for_ends,
    parse_scale,
    parse_since,
)

PERSON, ORG = NodeType.PERSON, NodeType.ORGANISATION


@pytest.mark.parametrize("language", ["de", "en"])
def test_kind_words_mean_one_kind_for_each_pair_of_end_types(language):
    with translation.override(language):
        lookup = _kind_lookup(language)

    for word, kinds in lookup.items():
        for source, target in product(NodeType, NodeType):
            fitting = [kind for kind in kinds if kind_for_ends({kind}, source, target)]
            assert len(fitting) <= 1, (word, source, target, fitting)


@pytest.mark.parametrize(
    ("text", "source", "target", "kind"),
    [
        ("kennt", PERSON, PERSON, TieKind.KNOWS),
        ("knows", PERSON, PERSON, TieKind.KNOWS),
        ("KNOWS", PERSON, PERSON, TieKind.KNOWS),
        ("arbeitet mit", PERSON, PERSON, TieKind.WORKS_WITH),
        ("arbeitet mit", PERSON, ORG, TieKind.COLLABORATES),
        ("arbeitet mit", ORG, PERSON, TieKind.COLLABORATES),
        ("arbeitet eng zusammen mit", PERSON, PERSON, TieKind.WORKS_WITH),
        ("arbeitet zusammen mit", PERSON, PERSON, TieKind.WORKS_WITH),
        ("arbeitet zusammen mit", PERSON, ORG, TieKind.COLLABORATES),
        ("works with", PERSON, PERSON, TieKind.WORKS_WITH),
        ("works together with", PERSON, ORG, TieKind.COLLABORATES),
        ("berät", PERSON, ORG, TieKind.ADVISES),
        ("beraet", PERSON, ORG, TieKind.ADVISES),
        ("Mitglied im Vorstand", PERSON, ORG, TieKind.BOARD_MEMBER),
        ("Mitglied", PERSON, ORG, TieKind.MEMBER),
        ("Mitglied", ORG, ORG, TieKind.MEMBERSHIP),
        ("Kooperation", ORG, ORG, TieKind.COOPERATION),
        ("cooperates with", ORG, ORG, TieKind.COOPERATION),
        ("Lieferbeziehung", ORG, ORG, TieKind.SUPPLIES),
        ("supplies", ORG, ORG, TieKind.SUPPLIES),
    ],
)
def test_kind_words_resolve_by_the_ends(text, source, target, kind):
    assert kind_for_ends(kind_candidates(text), source, target) == kind


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [("Kooperation", PERSON, PERSON), ("kennt", PERSON, ORG), ("berät", ORG, ORG)],
)
def test_kind_words_that_do_not_fit_the_ends_resolve_to_nothing(text, source, target):
    assert kind_for_ends(kind_candidates(text), source, target) is None


def test_kind_candidates_unknown_word_lists_the_kinds():
    with translation.override("en"), pytest.raises(InvalidValueError) as invalid:
        kind_candidates("befreundet")

    assert "works together with" in str(invalid.value)


def test_kind_candidates_unknown_word_lists_each_kind_once_in_german():
    with translation.override("de"), pytest.raises(InvalidValueError) as invalid:
        kind_candidates("befreundet")

    kinds = str(invalid.value).split("Möglich sind: ")[1].removesuffix(".").split(", ")
    assert len(kinds) == len(TieKind)
    assert len(set(kinds)) == len(kinds)
    assert {"arbeitet eng zusammen mit", "arbeitet zusammen mit"} <= set(kinds)


@pytest.mark.parametrize(
    ("text", "value"), [("1", 1), ("5", 5), ("4,0", 4), ("3.0", 3), (" 2 ", 2)]
)
def test_parse_scale_accepts_whole_numbers_from_1_to_5(text, value):
    assert parse_scale(text) == value


@pytest.mark.parametrize("text", ["0", "6", "2,5", "drei", "-1", "10"])
def test_parse_scale_refuses_anything_else(text):
    with pytest.raises(InvalidValueError):
        parse_scale(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2019", dt.date(2019, 1, 1)),
        ("12.03.2019", dt.date(2019, 3, 12)),
        ("12.03.19", dt.date(2019, 3, 12)),
        ("2019-03-12", dt.date(2019, 3, 12)),
    ],
)
def test_parse_since_reads_german_dates_iso_dates_and_years(text, value):
    assert parse_since(text) == value


def test_parse_since_refuses_the_future():
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    with pytest.raises(InvalidValueError):
        parse_since(tomorrow.strftime("%d.%m.%Y"))


@pytest.mark.parametrize("text", ["31.02.2019", "März 2019", "12/03/2019"])
def test_parse_since_refuses_what_is_no_date(text):
    with pytest.raises(InvalidValueError):
        parse_since(text)


def test_documented_headings_are_recognised_in_german_and_english():
    german = [headings[0] for headings in HEADINGS.values()]
    english = [headings[1] for headings in HEADINGS.values()]

    for headers in (german, english):
        columns = recognise(headers)
        assert columns.index == {field: position for position, field in enumerate(HEADINGS)}


def test_headings_match_whatever_the_spelling():
    columns = recognise(["VON E-MAIL", "art", "an_e_mail", "Staerke"])

    assert set(columns.index) == {"from_email", "kind", "to_email", "strength"}
