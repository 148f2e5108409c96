import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerkstatt.contacts.importing.decoding import decode
from netzwerkstatt.contacts.importing.errors import RowError
from netzwerkstatt.contacts.importing.vcard import (
    Address,
    Card,
    Typed,
    parse_vcards,
    serialise_card,
    serialise_organisation,
    serialise_person,
)
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    OrganisationFactory,
    PhoneNumberFactory,
    TagFactory,
)

from .conftest import file_bytes


def _cards(name: str) -> list:
    text, _encoding = decode(file_bytes(name))
    return list(parse_vcards(text))


def test_parse_outlook_21_quoted_printable_with_soft_line_breaks():
    (line, card), (second_line, second) = _cards("outlook_21.vcf")

    assert (line, second_line) == (1, 25)
    assert (card.last_name, card.first_name, card.formatted_name) == (
        "Müller",
        "Jürgen",
        "Jürgen Müller",
    )
    assert (card.organisation, card.department, card.title) == (
        "Gießerei Müller GmbH",
        "Vertrieb",
        "Geschäftsführer",
    )
    assert card.notes == (
        "Kennengelernt auf der Messe in Hannover.\nInteresse an Weiterbildung für "
        "Fachkräfte, Rückruf im März; bitte Termin vorschlagen."
    )
    assert card.addresses == (
        Address(
            "Hauptstraße 1",
            "Gifhorn",
            "Niedersachsen",
            "38518",
            "Deutschland",
            frozenset({"work", "pref"}),
        ),
    )
    assert card.phones == (
        Typed("05371 12345", frozenset({"work", "voice"})),
        Typed("0171 1234567", frozenset({"cell", "voice"})),
        Typed("05371 12346", frozenset({"work", "fax"})),
    )
    assert card.emails == (
        Typed("j.mueller@giesserei-mueller.example", frozenset({"pref", "internet"})),
    )
    assert card.urls == (Typed("http://www.giesserei-mueller.example", frozenset({"work"})),)
    assert second.last_name == "Schäfer"
    assert second.categories == ("KMU", "Geschäftskontakt")  # the photo before it is skipped


def test_parse_apple_30_folded_lines_groups_and_escapes():
    (_line, person), (_line2, company) = _cards("apple_30.vcf")

    assert (person.prefix, person.first_name, person.additional_names, person.last_name) == (
        "Dr.",
        "Anna",
        "Maria",
        "Schröder",
    )
    assert (
        person.title
        == "Referentin für Fachkräftesicherung und Nachwuchswerbung in Handwerksbetrieben"
    )
    assert person.notes == (
        "Ansprechpartnerin für das Netzwerk „Fachkräfte Ostniedersachsen“, trifft sich "
        "quartalsweise.\nNächster Termin: Juni; Ort offen."
    )
    assert [email.value for email in person.emails] == [
        "a.schroeder@hwk-bls.example",
        "anna.schroeder@privat.example",
    ]
    assert [address.city for address in person.addresses] == ["Wolfenbüttel", "Braunschweig"]
    assert person.addresses[1].postal_code == "38100"
    assert person.categories == ("Netzwerkpartner", "Kammer")
    assert company.is_organisation
    assert company.organisation == "Metallbau Kröger GmbH & Co. KG"


def test_parse_rfc6350_40_quoted_parameters_and_tel_uris():
    (_line, person), (_line2, agency) = _cards("rfc6350_40.vcf")

    assert person.phones == (Typed("+49-5361-778899", frozenset({"work", "voice"})),)
    assert person.addresses[0].street == "Am Hafen 5"
    assert person.notes == "Interesse an Teilzeitausbildung; Rückruf erbeten."
    assert agency.is_organisation
    assert agency.urls == (Typed("https://www.arbeitsagentur.example/helmstedt"),)


def test_parse_broken_cards_name_their_lines_and_keep_the_good_one():
    items = _cards("broken_card.vcf")

    assert items[0][1].last_name == "Gut"
    assert items[1:] == [
        RowError(
            10, "", "Diese Zeile ist keine vCard-Eigenschaft: Ihr fehlt der Doppelpunkt („:“)."
        ),
        RowError(12, "", "Die vCard wird nicht mit END:VCARD abgeschlossen."),
    ]


def test_parse_unknown_charset_is_an_error_on_the_property():
    text = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=x-klingon:M=FCller\r\nEND:VCARD\r\n"

    assert list(parse_vcards(text)) == [RowError(3, "N", "Unbekannter Zeichensatz „x-klingon“.")]


def test_parse_21_keeps_the_blank_of_a_folded_line():
    text = "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:Eine lange\r\n Notiz\r\nEND:VCARD\r\n"

    assert next(parse_vcards(text))[1].notes == "Eine lange Notiz"


def test_parse_text_outside_a_card_is_an_error():
    assert list(parse_vcards("Hallo\r\n")) == [
        RowError(1, "", "Text außerhalb einer vCard (BEGIN:VCARD … END:VCARD).")
    ]


def test_serialise_card_folds_at_75_octets_without_splitting_characters():
    text = serialise_card(Card(last_name="Ä" * 100))

    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert next(parse_vcards(text))[1].last_name == "Ä" * 100


plain = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40
).map(str.strip)
multiline = st.lists(plain, max_size=3).map("\n".join).map(str.strip)
kinds = st.frozensets(st.sampled_from(["work", "home", "cell", "voice", "fax"]), max_size=2)
# Phone numbers as people write them; a vCard 4.0 "tel:" URI prefix is not part of the number.
phone_numbers = st.from_regex(r"\+?[0-9][0-9 ()/.-]{2,20}[0-9]", fullmatch=True)
cards = st.builds(
    Card,
    formatted_name=plain.filter(bool),
    last_name=plain,
    first_name=plain,
    additional_names=plain,
    prefix=plain,
    suffix=plain,
    organisation=plain,
    department=plain,
    title=plain,
    role=plain,
    emails=st.lists(st.builds(Typed, plain.filter(bool), kinds), max_size=3).map(tuple),
    phones=st.lists(st.builds(Typed, phone_numbers, kinds), max_size=3).map(tuple),
    addresses=st.lists(
        st.builds(Address, plain, plain, plain, plain, plain, kinds).filter(
            lambda address: address != Address(types=address.types)
        ),
        max_size=2,
    ).map(tuple),
    urls=st.lists(st.builds(Typed, plain.filter(bool), kinds), max_size=2).map(tuple),
    notes=multiline,
    categories=st.lists(plain.filter(bool), max_size=3).map(tuple),
    is_organisation=st.booleans(),
)


@settings(deadline=None)
@given(card=cards)
def test_vcard_write_parse_round_trip(card):
    (_line, parsed), *rest = parse_vcards(serialise_card(card))

    assert rest == []
    assert parsed == card


@pytest.mark.django_db
def test_serialise_person_exports_what_the_import_reads(workspace):
    function = FunctionFactory(
        workspace=workspace,
        person__salutation="ms",
        person__title="Dr.",
        person__first_name="Anna",
        person__last_name="Schröder",
        person__notes="vertraulich",
        organisation__name="Handwerkskammer; Braunschweig",
        organisation__street="Burgplatz 2",
        organisation__postal_code="38100",
        organisation__city="Braunschweig",
        role="Referentin",
        department="Berufsbildung",
    )
    person = function.person
    EmailAddressFactory(person=person, address="a.schroeder@hwk.example")
    PhoneNumberFactory(person=person, number="0171 9876543", kind="mobile")
    person.tags.add(TagFactory(workspace=workspace, name="Kammer"))

    ((_line, card),) = parse_vcards(serialise_person(person))

    assert (card.prefix, card.first_name, card.last_name) == ("Frau Dr.", "Anna", "Schröder")
    assert (card.organisation, card.department, card.title) == (
        "Handwerkskammer; Braunschweig",
        "Berufsbildung",
        "Referentin",
    )
    assert card.emails == (Typed("a.schroeder@hwk.example", frozenset({"work"})),)
    assert card.phones == (Typed("0171 9876543", frozenset({"cell"})),)
    assert card.addresses[0].region == "Niedersachsen"
    assert card.categories == ("Kammer",)
    assert card.notes == ""


@pytest.mark.django_db
def test_serialise_organisation_is_a_company_card(workspace):
    organisation = OrganisationFactory(
        workspace=workspace, name="Metallbau Kröger", website="https://kroeger.example", state=""
    )

    ((_line, card),) = parse_vcards(serialise_organisation(organisation, include_notes=True))

    assert card.is_organisation
    assert (card.formatted_name, card.organisation) == ("Metallbau Kröger", "Metallbau Kröger")
    assert card.urls == (Typed("https://kroeger.example", frozenset({"work"})),)
    assert card.addresses[0].postal_code == "38518"
