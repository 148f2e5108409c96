import pytest
from hypothesis import given
from hypothesis import strategies as st

from netzwerkstatt.contacts.normalise import fold, name_key

GERMAN_LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCÄÖÜ ", max_size=30)
TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@pytest.mark.parametrize(
    ("variants", "folded"),
    [
        (["Müller", "Mueller", "muller", "MÜLLER"], "muller"),
        (["Straße", "Strasse", "STRASSE"], "strasse"),
        (["Café", "Cafe"], "cafe"),
        (["Öztürk", "Oeztuerk"], "ozturk"),
        (["  Kröger   GmbH "], "kroger gmbh"),
    ],
)
def test_fold_spelling_variants_meet(variants, folded):
    assert {fold(variant) for variant in variants} == {folded}


@given(GERMAN_LETTERS)
def test_fold_umlaut_and_transliteration_agree(text):
    assert fold(text) == fold(text.translate(TRANSLITERATION))


@given(GERMAN_LETTERS)
def test_fold_ignores_case(text):
    assert fold(text.upper()) == fold(text.lower())


def test_name_key_ignores_punctuation_of_legal_forms():
    assert name_key("Metallbau Schulz G.m.b.H.") == name_key("Metallbau Schulz GmbH")
    assert name_key("Müller & Söhne") == name_key("Mueller Soehne")
