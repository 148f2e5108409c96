"""The benefit statement's template language: placeholders, optional parts, missing facts."""

import re

from hypothesis import given
from hypothesis import strategies as st

from netzwerkstatt.acquisition.benefit_text import (
    DEFAULT_BENEFIT_TEMPLATE,
    PLACEHOLDERS,
    as_sentence,
    benefit_item,
    join_german,
    placeholders_used,
    positions_phrase,
    render,
    salutation_phrase,
    share_phrase,
    template_problems,
)

FULL_FACTS = {
    "firma": "Tischlerei Holm GmbH",
    "anrede": "Sehr geehrte Frau Dr. Meier",
    "ansprechperson": "Dr. Kirsten Meier",
    "branche": "Herstellung von Möbeln",
    "ort": "Rendsburg",
    "beschaeftigte": 48,
    "bedarfe": ["Nachfolge", "Alternde Belegschaft"],
    "massnahmen": ["Demografie-Check", "Nachfolgeberatung"],
    "nutzen": ["Demografie-Check (passt zu Alternde Belegschaft)"],
    "lage": "Der Betrieb wächst und findet keine Gesellen.",
    "anteil_50plus": "38 %",
    "offene_stellen": "3 offene Stellen",
    "aktuelles": "Neue Halle in Büdelsdorf.",
    "projekt": "TraM",
    "einfuehrung": "Jens Voss (Handwerkskammer)",
}

# Things a sentence must never show after its facts went missing.
ARTEFACTS = re.compile(r"\{|\}|\[|\]|  | [.,;:!?]|\.\.(?!\.)|,[.,]| und [.,]|, und\b|: \.|\x00")

# Not the connector itself as a word: a list item "und" reads "A, und und B", which is
# right but looks like the artefact ", und" the checks look for.
words = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ-", min_size=1, max_size=12
).filter(lambda word: word != "und")
fact_text = st.lists(words, min_size=1, max_size=4).map(" ".join)
fact_value = st.one_of(
    st.none(),
    st.just(""),
    st.just("   "),
    st.just([]),
    fact_text,
    st.lists(fact_text, max_size=4),
    st.integers(min_value=0, max_value=5000),
)


# ------------------------------------------------------------------------ German lists


def test_join_german_joins_with_und():
    assert join_german([]) == ""
    assert join_german(["Nachfolge"]) == "Nachfolge"
    assert join_german(["Nachfolge", "Digitalisierung"]) == "Nachfolge und Digitalisierung"
    assert join_german(["A", "B", "C"]) == "A, B und C"


def test_join_german_skips_blank_items():
    assert join_german(["A", " ", "", "B"]) == "A und B"


def test_a_list_placeholder_is_joined_the_german_way():
    text = render("Themen: {bedarfe}.", {"bedarfe": ["Nachfolge", "Qualifizierung", "Gesundheit"]})

    assert text == "Themen: Nachfolge, Qualifizierung und Gesundheit."


# ------------------------------------------------------------------------ missing facts


def test_an_optional_sentence_with_a_missing_fact_is_left_out():
    template = "Guten Tag. [Sie haben {offene_stellen} zu besetzen.] [In {ort} sind wir zu Hause.]"

    assert render(template, {"ort": "Kiel"}) == "Guten Tag. In Kiel sind wir zu Hause."
    assert render(template, {"offene_stellen": []}) == "Guten Tag."


def test_an_optional_part_inside_a_sentence_leaves_no_gap():
    template = "Wir beraten Betriebe[ in {ort}] und Verbände."

    assert render(template, {}) == "Wir beraten Betriebe und Verbände."
    assert render(template, {"ort": "Kiel"}) == "Wir beraten Betriebe in Kiel und Verbände."


def test_a_missing_fact_outside_brackets_takes_its_sentence():
    template = "Hallo {firma}. Sie haben {offene_stellen} offen. Bis bald!"

    assert render(template, {"firma": "Holm"}) == "Hallo Holm. Bis bald!"


def test_a_replacement_stands_in_for_a_missing_fact():
    template = "{anrede|Sehr geehrte Damen und Herren},"

    assert render(template, {}) == "Sehr geehrte Damen und Herren,"
    assert render(template, {"anrede": "Sehr geehrter Herr Voss"}) == "Sehr geehrter Herr Voss,"


def test_a_paragraph_of_missing_facts_leaves_no_blank_lines():
    template = "Erster Absatz.\n\n[{lage}]\n\n[{aktuelles}]\n\nLetzter Absatz."

    assert render(template, {}) == "Erster Absatz.\n\nLetzter Absatz."


def test_the_default_template_without_facts_is_still_a_letter():
    text = render(DEFAULT_BENEFIT_TEMPLATE, {"projekt": "TraM"})

    assert text.startswith("Sehr geehrte Damen und Herren,")
    assert "TraM" in text
    assert not ARTEFACTS.search(text)


def test_the_default_template_with_all_facts_uses_them():
    text = render(DEFAULT_BENEFIT_TEMPLATE, FULL_FACTS)

    assert text.startswith("Sehr geehrte Frau Dr. Meier,")
    assert "Jens Voss (Handwerkskammer) hat uns empfohlen" in text
    assert "in und um Rendsburg" in text
    assert "diese Themen: Nachfolge und Alternde Belegschaft." in text
    assert "Rund 38 % Ihrer Beschäftigten" in text
    assert "Personal für 3 offene Stellen." in text
    assert "Neue Halle in Büdelsdorf." in text
    assert not ARTEFACTS.search(text)


@given(facts=st.dictionaries(st.sampled_from(sorted(PLACEHOLDERS)), fact_value))
def test_the_default_template_never_breaks_a_sentence(facts):
    text = render(DEFAULT_BENEFIT_TEMPLATE, facts)

    assert not ARTEFACTS.search(text), text
    assert "\n\n\n" not in text
    assert text == text.strip()
    assert "Gern stellen wir Ihnen das Angebot" in text


@given(
    facts=st.dictionaries(st.sampled_from(sorted(PLACEHOLDERS)), fact_value),
    sentences=st.lists(
        st.tuples(
            st.sampled_from(sorted(PLACEHOLDERS)),
            st.booleans(),
            st.sampled_from([".", "!", "?"]),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_any_template_of_sentences_never_breaks_one(facts, sentences):
    template = " ".join(
        f"[Zu {name} gilt {{{name}}}{end}]" if optional else f"Zu {name} gilt {{{name}}}{end}"
        for name, optional, end in sentences
    )

    text = render(template, facts)

    assert not ARTEFACTS.search(text), (template, text)
    present = [name for name, _optional, _end in sentences if render(f"{{{name}}}", facts)]
    for name in present:
        assert f"Zu {name} gilt " in text


# ----------------------------------------------------------------------------- safety


def test_facts_are_never_read_as_template_text():
    facts = {"firma": "{projekt} [GmbH]", "projekt": "TraM", "lage": "{% debug %} {{ secret }}"}

    text = render("Hallo {firma}. {lage}", facts)

    assert text == "Hallo {projekt} [GmbH]. {% debug %} {{ secret }}"


def test_a_fact_with_line_breaks_stays_one_paragraph():
    assert render("[{lage}] Ende.", {"lage": "Erstens.\n\nZweitens."}) == "Erstens. Zweitens. Ende."


# ------------------------------------------------------------------------- validation


def test_unknown_placeholders_are_named():
    problems = template_problems("Hallo {firma}, {Vorname} {gehalt|x} {firma}")

    assert problems.unknown == ("vorname", "gehalt")
    assert problems


def test_a_valid_template_has_no_problems():
    assert not template_problems(DEFAULT_BENEFIT_TEMPLATE)
    assert not template_problems("Ohne Platzhalter.")


def test_stray_braces_and_brackets_are_problems():
    assert template_problems("Hallo {firma").stray_braces
    assert template_problems("Hallo firma}").stray_braces
    assert template_problems("[eins [zwei]]").stray_brackets
    assert template_problems("[offen").stray_brackets
    assert template_problems("zu]").stray_brackets


def test_placeholders_used_in_order():
    assert placeholders_used("{ort} {firma} {ort} {nix}") == ["ort", "firma"]


# ---------------------------------------------------------------------- German phrases


def test_phrases_for_facts():
    assert positions_phrase(None) == positions_phrase(0) == ""
    assert positions_phrase(1) == "eine offene Stelle"
    assert positions_phrase(1200) == "1.200 offene Stellen"
    assert share_phrase(38) == "38 %"
    assert share_phrase(None) == ""
    assert as_sentence("  wächst  stark ") == "wächst stark."
    assert as_sentence("Neu!") == "Neu!"
    assert benefit_item("Demografie-Check", ["A", "B"]) == "Demografie-Check (passt zu A und B)"
    assert benefit_item("Coaching", []) == "Coaching"


def test_salutations():
    person = {"title": "Dr.", "first_name": "Kirsten", "last_name": "Meier"}

    assert salutation_phrase(salutation="ms", **person) == "Sehr geehrte Frau Dr. Meier"
    assert (
        salutation_phrase(salutation="mr", **person | {"title": ""}) == "Sehr geehrter Herr Meier"
    )
    assert salutation_phrase(salutation="", **person) == "Guten Tag Kirsten Meier"
