import pytest

from netzwerkstatt.demo.german import ascii_slug, gendered


@pytest.mark.parametrize(
    ("title", "female", "expected"),
    [
        ("Referent/in", True, "Referentin"),
        ("Referent/in", False, "Referent"),
        ("Betriebsratsvorsitzende/r", True, "Betriebsratsvorsitzende"),
        ("Betriebsratsvorsitzende/r", False, "Betriebsratsvorsitzender"),
        ("Erste/r Bevollmächtigte/r", True, "Erste Bevollmächtigte"),
        ("Erste/r Bevollmächtigte/r", False, "Erster Bevollmächtigter"),
        ("Teamleiter/in Arbeitgeber-Service", True, "Teamleiterin Arbeitgeber-Service"),
        ("Vermittlungsfachkraft", False, "Vermittlungsfachkraft"),
    ],
)
def test_gendered_title_takes_the_persons_form(title, female, expected):
    assert gendered(title, female=female) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Metallbau Kröger", "metallbau-kroeger"),
        ("Elektrotechnik Sievers & Söhne", "elektrotechnik-sievers-soehne"),
        ("Gießerei Weiß", "giesserei-weiss"),
        ("Alfeld (Leine)", "alfeld-leine"),
    ],
)
def test_ascii_slug_spells_out_umlauts(text, expected):
    assert ascii_slug(text) == expected
