"""Invented names, addresses and numbers that are safe to show, print and mail-merge.

Web and e-mail addresses use the reserved top-level domain .example (RFC 2606), so
no real website or mailbox is ever reached. Phone numbers carry the real area code
of the organisation's town and random digits after it.
"""

import random

from faker import Faker

from .german import ascii_slug

EXAMPLE_TLD = "example"
DOMAIN_LABEL_MAX = 63
EMAIL_STYLES = ("{first}.{last}", "{initial}.{last}", "{last}")
PRIVATE_MAIL_DOMAINS = ("post.example", "mailbox.example", "netzpost.example")
MOBILE_PREFIXES = (
    "0151", "0152", "0160", "0162", "0170", "0171", "0172", "0173", "0175", "0176", "0177",
    "0178", "0179",
)  # fmt: skip
NATIONAL_NUMBER_LENGTH = 11  # area code and subscriber number together, as in "05371 123456"
INDUSTRIAL_STREETS = (
    "Industriestraße", "Gewerbestraße", "Am Gewerbepark", "Im Gewerbegebiet", "Werkstraße",
    "Robert-Bosch-Straße", "Otto-Hahn-Straße", "Siemensstraße", "Daimlerstraße",
    "Carl-Zeiss-Straße", "Max-Planck-Straße", "Rudolf-Diesel-Straße", "Gutenbergstraße",
    "An der Feldmark", "Zum Gewerbegebiet",
)  # fmt: skip
TOWN_STREETS = (
    "Hauptstraße", "Bahnhofstraße", "Lange Straße", "Breite Straße", "Marktstraße", "Am Markt",
    "Kirchstraße", "Schulstraße", "Poststraße", "Lindenstraße", "Mühlenweg", "Steinweg",
    "Friedrich-Ebert-Straße", "Wilhelmstraße", "Gartenstraße",
)  # fmt: skip
TOWN_STREET_SHARE = 0.4  # of the other addresses; the rest get streets invented by Faker


def surname(faker: Faker) -> str:
    """A Faker de_DE surname of one word (the provider also has "Koch II" or "Dussen van")."""
    while True:
        name = faker.last_name()
        if name.isalpha():
            return name


def first_name(faker: Faker, *, female: bool) -> str:
    """A Faker de_DE first name, written out (the provider also has "H.-Dieter")."""
    while True:
        name = faker.first_name_female() if female else faker.first_name_male()
        if "." not in name:
            return name


def street_address(*, rng: random.Random, faker: Faker, industrial: bool = False) -> str:
    if industrial and rng.random() < 0.6:
        street = rng.choice(INDUSTRIAL_STREETS)
    elif rng.random() < TOWN_STREET_SHARE:
        street = rng.choice(TOWN_STREETS)
    else:
        street = faker.street_name()
        while "gasse" in street.lower():  # alleys are Austrian and southern, not Lower Saxon
            street = faker.street_name()
    number = str(rng.randint(1, 140))
    if rng.random() < 0.1:
        number += rng.choice("abc")
    return f"{street} {number}"


def web_domain(name: str) -> str:
    """A .example domain spelt from the name: "Metallbau Kröger" → "metallbau-kroeger.example"."""
    label = ascii_slug(name)
    if len(label) > DOMAIN_LABEL_MAX:
        label = label[:DOMAIN_LABEL_MAX].rsplit("-", 1)[0]
    return f"{label}.{EXAMPLE_TLD}"


def website(domain: str) -> str:
    return f"https://www.{domain}"


def email_address(*, first_name: str, last_name: str, domain: str, style: str) -> str:
    first, last = ascii_slug(first_name), ascii_slug(last_name)
    return f"{style.format(first=first, initial=first[0], last=last)}@{domain}"


def private_email_address(*, rng: random.Random, first_name: str, last_name: str) -> str:
    local = f"{ascii_slug(first_name)}.{ascii_slug(last_name)}{rng.randint(1, 99)}"
    return f"{local}@{rng.choice(PRIVATE_MAIL_DOMAINS)}"


def switchboard_number(*, rng: random.Random, area_code: str) -> str:
    """An organisation's number without extension, e.g. "05371 8612"."""
    digits = NATIONAL_NUMBER_LENGTH - len(area_code) - 2
    return f"{area_code} {rng.randint(2, 9)}{_digits(rng, digits - 1)}"


def extension_number(*, rng: random.Random, switchboard: str) -> str:
    return f"{switchboard}-{rng.randint(10, 89)}"


def mobile_number(rng: random.Random) -> str:
    return f"{rng.choice(MOBILE_PREFIXES)} {rng.randint(1, 9)}{_digits(rng, 6)}"


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))
