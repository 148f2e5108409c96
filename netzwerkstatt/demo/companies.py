"""About 300 invented companies: metal and electrical SMEs for TraM, a mix of sectors for FluGs.

Names join a word for what the company does with a Faker surname, a second
surname or its town, and a legal form fitting its size; none is a real company.
"""

import random
from dataclasses import dataclass

from faker import Faker

from netzwerkstatt.contacts.enums import OrganisationKind, SizeClass

from .fictional import street_address, surname, switchboard_number, web_domain, website
from .geography import place_choose
from .specs import OrganisationSpec

FAMILY_FIRM = (
    "{word} {surname}", "{surname} {word}", "{word} {surname} & Söhne",
    "{surname} & {surname2} {word}", "{word} {town}",
)  # fmt: skip
PERSONAL = ("{word} {surname}", "{surname} {word}", "{word} {town}")
INSTITUTION = ("{word} {place}", "{word} {town}")
PLACE_NAMES = (
    "Am Lindenhof", "Am Mühlenteich", "Am Stadtpark", "Am Rosengarten", "Am Wiesengrund",
    "Sonnenhof", "Eichenhof", "Birkenhof",
)  # fmt: skip

LEGAL_FORMS = {
    SizeClass.MICRO: (("e.K.", 4), ("GmbH", 4), ("", 2), ("GbR", 1)),
    SizeClass.SMALL: (("GmbH", 6), ("GmbH & Co. KG", 3), ("KG", 1), ("e.K.", 1), ("OHG", 1)),
    SizeClass.MEDIUM: (("GmbH", 5), ("GmbH & Co. KG", 4), ("KG", 1)),
    SizeClass.LARGE: (("GmbH", 3), ("GmbH & Co. KG", 3), ("AG", 1)),
}
SMALL_BUSINESSES = (SizeClass.MICRO, SizeClass.SMALL)
LARGEST_COMPANY = 1800
WEBSITE_SHARE = {
    SizeClass.MICRO: 0.6,
    SizeClass.SMALL: 0.85,
    SizeClass.MEDIUM: 1.0,
    SizeClass.LARGE: 1.0,
}
SHARED_SHARE = 0.08  # companies that agreed to be visible to the network partners
FACTS_SHARE = 0.35  # companies with free notes


@dataclass(frozen=True)
class Sector:
    code: str  # WZ 2008 division
    weight: int
    words: tuple[str, ...]
    patterns: tuple[str, ...] = FAMILY_FIRM
    industrial: bool = True  # usually located in an industrial estate
    crafts: tuple[str, ...] = ()  # words that only small businesses are named with
    size_weights: tuple[int, int, int, int] | None = None  # where they differ from the segment's


@dataclass(frozen=True)
class Segment:
    """The companies one project works with: sectors, sizes, tags and what is known about them."""

    project: str
    count: int
    sectors: tuple[Sector, ...]
    size_weights: tuple[int, int, int, int]  # micro, small, medium, large
    tags: tuple[str, ...]  # on every company of the segment
    optional_tags: tuple[tuple[str, float], ...]  # tag and share of companies
    facts: tuple[str, ...]


# fmt: off
TRAM = Segment(
    project="TraM",
    count=185,
    sectors=(
        Sector("25", 40, ("Metallbau", "Stahlbau", "Präzisionsdrehteile", "Blechbearbeitung", "Oberflächentechnik", "Werkzeugbau", "Zerspanungstechnik", "Stanztechnik", "Behälterbau"), crafts=("Schlosserei", "Schweißtechnik", "Feinmechanik")),
        Sector("28", 22, ("Maschinenbau", "Anlagenbau", "Sondermaschinenbau", "Fördertechnik", "Hydraulik", "Landmaschinen")),
        Sector("27", 14, ("Elektrotechnik", "Schaltanlagenbau", "Kabelkonfektion", "Elektromaschinenbau", "Antriebstechnik", "Lichttechnik")),
        Sector("29", 12, ("Fahrzeugtechnik", "Karosseriebau", "Fahrzeugteile", "Anhängerbau")),
        Sector("33", 10, ("Industrieservice", "Instandhaltung", "Maschinenservice", "Industriemontagen")),
        Sector("26", 8, ("Elektronik", "Sensortechnik", "Messtechnik", "Leiterplattentechnik", "Optoelektronik")),
        Sector("43", 8, ("Elektro", "Elektroinstallation", "Gebäudetechnik"), PERSONAL),
        Sector("24", 5, ("Gießerei", "Aluminiumgießerei", "Härterei", "Metallveredelung"), crafts=("Schmiede",)),
        Sector("30", 3, ("Schienenfahrzeugtechnik", "Waggonbau", "Bootsbau")),
    ),
    size_weights=(22, 40, 29, 9),
    tags=("TraM", "Metall- und Elektroindustrie"),
    optional_tags=(
        ("Demografie", 0.35), ("Fachkräftemangel", 0.3), ("Ausbildungsbetrieb", 0.35),
        ("Newsletter", 0.2), ("Messe-Kontakt 2026", 0.1), ("Tarifbindung", 0.2), ("FluGs", 0.08),
    ),
    facts=(
        "Zulieferer für die Automobilindustrie, stark von Abrufen abhängig.",
        "Altersdurchschnitt in der Fertigung über 50 Jahre; mehrere Renteneintritte bis 2030.",
        "Familienunternehmen in dritter Generation, die Nachfolge ist noch offen.",
        "Sucht Auszubildende für Zerspanungsmechanik und Industriemechanik.",
        "Zwei-Schicht-Betrieb; Interesse an alternsgerechten Schichtmodellen.",
        "Tarifgebunden, Betriebsrat vorhanden.",
        "Hat vor zwei Jahren eine Altersstrukturanalyse gemacht, aber nichts umgesetzt.",
        "Wissenstransfer von älteren Fachkräften an Jüngere ist ein drängendes Thema.",
        "Krankenstand in der Montage deutlich gestiegen, Geschäftsführung sucht Ideen.",
    ),
)

FLUGS = Segment(
    project="FluGs",
    count=115,
    sectors=(
        Sector("47", 16, ("Modehaus", "Getränkemarkt", "Sanitätshaus", "Gartencenter"), PERSONAL, industrial=False, crafts=("Fahrradhaus", "Buchhandlung")),
        Sector("88", 14, ("Ambulanter Pflegedienst", "Tagespflege", "Pflegedienst"), PERSONAL, industrial=False),
        Sector("87", 12, ("Seniorenresidenz", "Pflegezentrum", "Seniorenzentrum", "Wohnstift"), INSTITUTION, industrial=False, size_weights=(0, 25, 60, 15)),
        Sector("49", 12, ("Spedition", "Transporte", "Logistik", "Omnibusbetrieb")),
        Sector("62", 10, ("IT-Systemhaus", "Softwarehaus", "Datentechnik", "IT-Service"), PERSONAL, industrial=False),
        Sector("10", 10, ("Feinkost", "Backwaren", "Fleischwaren"), crafts=("Bäckerei", "Fleischerei", "Konditorei", "Landbäckerei")),
        Sector("56", 10, ("Restaurant", "Catering"), (*PERSONAL, "{word} {place}"), industrial=False, crafts=("Landgasthof", "Gasthaus")),
        Sector("86", 8, ("Medizinisches Versorgungszentrum", "Tagesklinik"), PERSONAL, industrial=False, crafts=("Physiotherapie",)),
        Sector("52", 6, ("Lagerlogistik", "Logistikzentrum", "Kontraktlogistik"), PERSONAL),
    ),
    size_weights=(35, 40, 20, 5),
    tags=("FluGs",),
    optional_tags=(
        ("Vereinbarkeit", 0.3), ("Gleichstellung", 0.2), ("Fachkräftemangel", 0.3),
        ("Arbeitszeitmodelle", 0.25), ("Newsletter", 0.2), ("Messe-Kontakt 2026", 0.05),
    ),
    facts=(
        "Hoher Teilzeitanteil; viele Beschäftigte mit Kindern oder Pflegeaufgaben.",
        "Frauenanteil in Führungspositionen gering, Geschäftsführung offen für Mentoring.",
        "Dienstpläne bisher per Tabelle, Wunsch nach flexibleren Schichtmodellen.",
        "Wiedereinstieg nach der Elternzeit gelingt selten in Vollzeit.",
        "Lange Öffnungszeiten, die Vereinbarkeit mit Familie ist schwierig.",
        "Fluktuation im ersten Jahr hoch, Einarbeitung wird gerade neu aufgesetzt.",
        "Kein Betriebsrat; Mitarbeitendenbefragung ist in Planung.",
    ),
)
# fmt: on

SEGMENTS = (TRAM, FLUGS)


def companies_build(*, rng: random.Random, faker: Faker) -> list[OrganisationSpec]:
    companies: list[OrganisationSpec] = []
    domains: set[str] = set()
    for segment in SEGMENTS:
        for _ in range(segment.count):
            company = _company(
                rng=rng,
                faker=faker,
                segment=segment,
                key=f"company-{len(companies) + 1:03d}",
                taken_domains=domains,
            )
            domains.add(company.domain)
            companies.append(company)
    return companies


def _company(
    *, rng: random.Random, faker: Faker, segment: Segment, key: str, taken_domains: set[str]
) -> OrganisationSpec:
    (sector,) = rng.choices(segment.sectors, weights=[sector.weight for sector in segment.sectors])
    (size_class,) = rng.choices(
        list(SizeClass), weights=sector.size_weights or segment.size_weights
    )
    words = (*sector.words, *(sector.crafts if size_class in SMALL_BUSINESSES else ()))
    place = place_choose(rng)
    forms, weights = zip(*LEGAL_FORMS[size_class], strict=True)
    (legal_form,) = rng.choices(forms, weights=weights)
    while True:
        base_name = rng.choice(sector.patterns).format(
            word=rng.choice(words),
            surname=surname(faker),
            surname2=surname(faker),
            town=place.town.name,
            place=rng.choice(PLACE_NAMES),
        )
        domain = web_domain(base_name)
        if domain not in taken_domains:
            break
    return OrganisationSpec(
        key=key,
        name=f"{base_name} {legal_form}".strip(),
        kind=OrganisationKind.COMPANY,
        place=place,
        street=street_address(rng=rng, faker=faker, industrial=sector.industrial),
        domain=domain,
        switchboard=switchboard_number(rng=rng, area_code=place.town.area_code),
        legal_form=legal_form,
        sector=sector.code,
        employee_count=_employee_count(rng, size_class),
        website=website(domain) if rng.random() < WEBSITE_SHARE[size_class] else "",
        tags=(
            *segment.tags,
            *(tag for tag, share in segment.optional_tags if rng.random() < share),
        ),
        notes=" ".join(rng.sample(segment.facts, rng.randint(1, 2)))
        if rng.random() < FACTS_SHARE
        else "",
        is_shared=rng.random() < SHARED_SHARE,
    )


def _employee_count(rng: random.Random, size_class: SizeClass) -> int:
    """Head counts spread over the class, with few companies near its upper end."""
    low, high = size_class.employee_range
    if size_class == SizeClass.MICRO:
        return rng.randint(2, high)
    if size_class == SizeClass.SMALL:
        return rng.randint(low, high)
    return round(rng.triangular(low, high or LARGEST_COMPANY, low))
