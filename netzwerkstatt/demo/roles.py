"""Who works where: the functions of persons at companies and partners, and how many there are.

A position is a title with gender marks ("Referent/in", "Vorsitzende/r", see
`german.gendered`) and a department, which is empty where the title says it all.
"""

import random
from dataclasses import dataclass

from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.contacts.enums import SizeClass

from .specs import OrganisationSpec

Position = tuple[str, str]

WORKS_COUNCIL = "Betriebsrat"
PARTNER_FEMALE_SHARE = 0.55
HR_FEMALE_SHARE = 0.7
HR_DEPARTMENT = "Personal"


@dataclass(frozen=True)
class Trade:
    """The positions that run a sector's daily business, and how many women hold them."""

    positions: tuple[Position, ...]
    female_share: float


# fmt: off
MANUFACTURING = Trade((("Produktionsleiter/in", "Produktion"), ("Meister/in", "Fertigung"), ("Technische/r Leiter/in", "Technik"), ("Qualitätsmanager/in", "Qualitätssicherung"), ("Leiter/in Instandhaltung", "Instandhaltung"), ("Vertriebsleiter/in", "Vertrieb")), 0.25)
ELECTRICAL_TRADE = Trade((("Elektromeister/in", "Montage"), ("Projektleiter/in", "Gebäudetechnik"), ("Kundendienstleiter/in", "Kundendienst")), 0.15)
HEALTH = Trade((("Praxismanager/in", "Verwaltung"), ("Ärztliche/r Leiter/in", ""), ("Leitende/r Therapeut/in", "Therapie")), 0.7)
CARE = Trade((("Pflegedienstleiter/in", "Pflege"), ("Einrichtungsleiter/in", ""), ("Wohnbereichsleiter/in", "Pflege"), ("Praxisanleiter/in", "Ausbildung"), ("Qualitätsbeauftragte/r", "Qualitätsmanagement")), 0.8)
RETAIL = Trade((("Filialleiter/in", "Verkauf"), ("Abteilungsleiter/in", "Verkauf"), ("Einkäufer/in", "Einkauf")), 0.6)
LOGISTICS = Trade((("Niederlassungsleiter/in", ""), ("Disponent/in", "Disposition"), ("Lagerleiter/in", "Lager"), ("Fuhrparkleiter/in", "Fuhrpark")), 0.3)
IT = Trade((("Teamleiter/in Softwareentwicklung", "Entwicklung"), ("Projektmanager/in", "Projekte"), ("Leiter/in Kundenservice", "Service")), 0.3)
FOOD = Trade((("Produktionsleiter/in", "Produktion"), ("Qualitätsbeauftragte/r", "Qualitätssicherung"), ("Filialleiter/in", "Verkauf")), 0.5)
GASTRONOMY = Trade((("Küchenchef/in", "Küche"), ("Restaurantleiter/in", "Service"), ("Bankettleiter/in", "Veranstaltungen")), 0.5)

TRADES = {
    **dict.fromkeys(("24", "25", "26", "27", "28", "29", "30", "33"), MANUFACTURING),
    "43": ELECTRICAL_TRADE, "86": HEALTH, "87": CARE, "88": CARE, "47": RETAIL,
    "49": LOGISTICS, "52": LOGISTICS, "62": IT, "10": FOOD, "56": GASTRONOMY,
}

# Positions beside the daily business, by company size; larger companies have all of the smaller ones'.
MICRO_STAFF: tuple[Position, ...] = (("Kaufmännische/r Angestellte/r", "Büro"),)
SMALL_STAFF: tuple[Position, ...] = (("Personalsachbearbeiter/in", HR_DEPARTMENT), ("Ausbilder/in", "Ausbildung"), ("Prokurist/in", ""), ("Büroleiter/in", "Verwaltung"))
MEDIUM_STAFF: tuple[Position, ...] = (("Personalleiter/in", HR_DEPARTMENT), ("Ausbildungsleiter/in", "Ausbildung"), ("Betriebsratsvorsitzende/r", WORKS_COUNCIL), ("Referent/in Personalentwicklung", HR_DEPARTMENT), ("Fachkraft für Arbeitssicherheit", "Arbeitsschutz"), ("Schwerbehindertenvertreter/in", WORKS_COUNCIL))
LARGE_STAFF: tuple[Position, ...] = (("Leiter/in Personalentwicklung", HR_DEPARTMENT), ("Gleichstellungsbeauftragte/r", HR_DEPARTMENT), ("Koordinator/in Gesundheitsmanagement", HR_DEPARTMENT), ("Mitglied des Betriebsrats", WORKS_COUNCIL))
STAFF_BY_SIZE = {
    SizeClass.MICRO: MICRO_STAFF,
    SizeClass.SMALL: SMALL_STAFF,
    SizeClass.MEDIUM: (*SMALL_STAFF, *MEDIUM_STAFF),
    SizeClass.LARGE: (*SMALL_STAFF, *MEDIUM_STAFF, *LARGE_STAFF),
}
HEADS_BY_LEGAL_FORM = {"": "Inhaber/in", "e.K.": "Inhaber/in", "GbR": "Gesellschafter/in", "AG": "Vorstandsvorsitzende/r"}
COMPANY_HEAD = "Geschäftsführer/in"
STAFF_COUNT_BY_SIZE = {SizeClass.MICRO: (1, 2), SizeClass.SMALL: (1, 3), SizeClass.MEDIUM: (2, 4), SizeClass.LARGE: (4, 6)}

PARTNER_STAFF = {
    Kind.CHAMBER: (("Geschäftsbereichsleiter/in Aus- und Weiterbildung", "Aus- und Weiterbildung"), ("Ausbildungsberater/in", "Berufsbildung"), ("Referent/in Fachkräftesicherung", "Standortpolitik"), ("Weiterbildungsberater/in", "Weiterbildung"), ("Betriebsberater/in", "Betriebsberatung")),
    Kind.UNION: (("Gewerkschaftssekretär/in", ""), ("Organisationssekretär/in", ""), ("Politische/r Sekretär/in", ""), ("Referent/in Bildungsarbeit", "Bildung")),
    Kind.EMPLOYERS_ASSOCIATION: (("Referent/in Bildung und Fachkräftesicherung", "Bildung"), ("Justiziar/in", "Arbeitsrecht"), ("Referent/in Tarifpolitik", "Tarifpolitik")),
    Kind.EMPLOYMENT_AGENCY: (("Teamleiter/in Arbeitgeber-Service", "Arbeitgeber-Service"), ("Vermittlungsfachkraft", "Arbeitgeber-Service"), ("Beauftragte/r für Chancengleichheit am Arbeitsmarkt", ""), ("Berufsberater/in", "Berufsberatung"), ("Fallmanager/in", "Markt und Integration")),
    Kind.EDUCATION_PROVIDER: (("Bildungsberater/in", "Beratung"), ("Projektleiter/in", "Projekte"), ("Fachbereichsleiter/in Gesundheit und Pflege", "Gesundheit und Pflege"), ("Dozent/in", "Metalltechnik"), ("Referent/in", "Weiterbildung")),
    Kind.CONSULTANCY: (("Berater/in", ""), ("Senior Consultant", ""), ("Projektleiter/in", "")),
    Kind.MUNICIPALITY: (("Wirtschaftsförderer/in", "Wirtschaftsförderung"), ("Fachkräftekoordinator/in", "Wirtschaftsförderung"), ("Sachbearbeiter/in", "Wirtschaftsförderung")),
    Kind.OTHER: (("Netzwerkmanager/in", ""), ("Projektkoordinator/in", ""), ("Referent/in", "")),
}
PARTNER_HEADS = {
    Kind.CHAMBER: "Hauptgeschäftsführer/in", Kind.UNION: "Geschäftsführer/in",
    Kind.EMPLOYERS_ASSOCIATION: "Geschäftsführer/in", Kind.EMPLOYMENT_AGENCY: "Geschäftsführer/in",
    Kind.EDUCATION_PROVIDER: "Geschäftsführer/in", Kind.CONSULTANCY: "Geschäftsführende/r Gesellschafter/in",
    Kind.MUNICIPALITY: "Leiter/in", Kind.OTHER: "Koordinator/in",
}
# The first of these words in a partner's name decides its head's title over the kind's usual one.
PARTNER_HEADS_BY_NAME = (
    ("Geschäftsstelle", "Leiter/in der Geschäftsstelle"), ("IG Metall", "Erste/r Bevollmächtigte/r"),
    ("DGB", "Regionsgeschäftsführer/in"), ("ver.di", "Bezirksgeschäftsführer/in"),
    ("Agentur für Arbeit", "Vorsitzende/r der Geschäftsführung"), ("Gleichstellung", "Gleichstellungsbeauftragte/r"),
    ("Wirtschaftsförderung", "Leiter/in der Wirtschaftsförderung"),
)
PARTNER_STAFF_COUNT = {
    Kind.CHAMBER: (3, 5), Kind.UNION: (2, 3), Kind.EMPLOYERS_ASSOCIATION: (2, 3),
    Kind.EMPLOYMENT_AGENCY: (2, 4), Kind.EDUCATION_PROVIDER: (2, 3), Kind.CONSULTANCY: (1, 3),
    Kind.MUNICIPALITY: (1, 2), Kind.OTHER: (1, 2),
}

# Functions company people hold at partners on the side: heads in chambers and
# associations, works councillors in their union.
HONORARY = {
    Kind.CHAMBER: (("Mitglied der Vollversammlung", ""), ("Mitglied im Prüfungsausschuss", "Berufsbildung"), ("Mitglied im Berufsbildungsausschuss", "Berufsbildung")),
    Kind.EMPLOYERS_ASSOCIATION: (("Mitglied im Vorstand", ""),),
    Kind.UNION: (("Mitglied im Ortsvorstand", ""), ("Delegierte/r", "Delegiertenversammlung")),
}
# fmt: on


def head_position(organisation: OrganisationSpec) -> Position:
    if organisation.kind == Kind.COMPANY:
        return HEADS_BY_LEGAL_FORM.get(organisation.legal_form, COMPANY_HEAD), ""
    for word, title in PARTNER_HEADS_BY_NAME:
        if word in organisation.name:
            return title, ""
    return PARTNER_HEADS[organisation.kind], ""


def staff_pool(organisation: OrganisationSpec) -> tuple[Position, ...]:
    """The positions below the head that the organisation has."""
    if organisation.kind != Kind.COMPANY:
        return PARTNER_STAFF[organisation.kind]
    size_class = SizeClass.for_employees(organisation.employee_count)
    return (*TRADES[organisation.sector].positions, *STAFF_BY_SIZE[size_class])


def staff_positions(*, rng: random.Random, organisation: OrganisationSpec) -> list[Position]:
    """The positions of the organisation's people in the demo: its head first."""
    if organisation.kind == Kind.COMPANY:
        low, high = STAFF_COUNT_BY_SIZE[SizeClass.for_employees(organisation.employee_count)]
    else:
        low, high = PARTNER_STAFF_COUNT[organisation.kind]
    pool = staff_pool(organisation)
    return [head_position(organisation), *rng.sample(pool, rng.randint(low, high) - 1)]


def female_share(*, organisation: OrganisationSpec, position: Position) -> float:
    if organisation.kind != Kind.COMPANY:
        return PARTNER_FEMALE_SHARE
    if position[1] == HR_DEPARTMENT:
        return HR_FEMALE_SHARE
    return TRADES[organisation.sector].female_share
