"""Ties between organisations: memberships, cooperations and supplies.

Companies are members of their chamber (the trades of the chamber of crafts)
as the imported member lists say, many also of an employers' association;
union offices belong to their DGB region, employers' associations to the state
federation, partners of a region to its skills alliance ("Fachkräftebündnis").
Partners of a region cooperate along the lines of their work, the workspace's
own association with the partners of its projects, and some companies supply
others. Their last contact is the last exchange between the two: the member
list that confirmed a membership, the last meeting of a cooperation.
"""

import random
from datetime import date

from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.contacts.enums import Salutation, SizeClass
from netzwerkstatt.network.enums import Provenance, TieKind

from .collect import Ties, weighted
from .dates import IMPORT_DAYS, History, history
from .index import DemoIndex
from .team import COORDINATOR_KEY, HEAD_KEY, LEAD_KEY

# district → (chamber of industry and commerce, chamber of crafts); districts not named
# belong to chambers outside the network.
CHAMBERS = {
    **dict.fromkeys(
        ("Stadt Braunschweig", "Stadt Salzgitter", "Landkreis Wolfenbüttel",
         "Landkreis Helmstedt", "Landkreis Peine", "Landkreis Goslar"),
        ("IHK Braunschweig", "Handwerkskammer Braunschweig-Lüneburg-Stade"),
    ),
    **dict.fromkeys(
        ("Stadt Wolfsburg", "Landkreis Gifhorn"),
        ("IHK Lüneburg-Wolfsburg, Geschäftsstelle Wolfsburg", "Handwerkskammer Braunschweig-Lüneburg-Stade"),
    ),
    **dict.fromkeys(
        ("Landkreis Celle", "Landkreis Uelzen", "Landkreis Lüneburg",
         "Landkreis Lüchow-Dannenberg", "Landkreis Heidekreis"),
        ("IHK Lüneburg-Wolfsburg", "Handwerkskammer Braunschweig-Lüneburg-Stade"),
    ),
    "Region Hannover": ("IHK Hannover", "Handwerkskammer Hannover"),
    **dict.fromkeys(
        ("Landkreis Hildesheim", "Landkreis Göttingen", "Landkreis Northeim"),
        ("IHK Hannover", "Handwerkskammer Hildesheim-Südniedersachsen"),
    ),
}  # fmt: skip
CRAFT_SECTORS = ("43", "10")  # electrical installation, bakers and butchers
SMALL_CRAFT_SECTORS = ("25", "33")  # metalworkers and repair shops, when small
CHAMBER_RECORDED_SHARE = 0.7  # of the companies, those whose membership the member lists showed
METAL_ASSOCIATION = {
    "Hannover-Süd": "NiedersachsenMetall Bezirksgruppe Hannover",
}
METAL_ASSOCIATION_DEFAULT = "NiedersachsenMetall Bezirksgruppe Braunschweig"
REGIONAL_ASSOCIATION = {
    "Braunschweig": "Arbeitgeberverband Region Braunschweig",
    "Wolfsburg-Gifhorn": "Arbeitgeberverband Region Braunschweig",
    "Heide-Elbe": "Arbeitgeberverband Lüneburg-Nordostniedersachsen",
    "Hannover-Süd": "Unternehmerverbände Niedersachsen",
}
MEMBERSHIPS = (
    # member, organisation
    ("IG Metall Wolfsburg", "DGB Region SüdOstNiedersachsen"),
    ("IG Metall Braunschweig", "DGB Region SüdOstNiedersachsen"),
    ("IG Metall Salzgitter-Peine", "DGB Region SüdOstNiedersachsen"),
    ("ver.di Bezirk Region Süd-Ost-Niedersachsen", "DGB Region SüdOstNiedersachsen"),
    ("IG Metall Hannover", "DGB Region Niedersachsen-Mitte"),
    ("IG Metall Südniedersachsen-Harz", "DGB Region Niedersachsen-Mitte"),
    ("IG Metall Celle-Lüneburg", "DGB Region Nord-Ost-Niedersachsen"),
    ("NiedersachsenMetall Bezirksgruppe Braunschweig", "Unternehmerverbände Niedersachsen"),
    ("NiedersachsenMetall Bezirksgruppe Hannover", "Unternehmerverbände Niedersachsen"),
    ("Arbeitgeberverband Region Braunschweig", "Unternehmerverbände Niedersachsen"),
    ("Arbeitgeberverband Lüneburg-Nordostniedersachsen", "Unternehmerverbände Niedersachsen"),
    ("Bildungsverein Nord e.V.", "Fachkräftebündnis SüdOstNiedersachsen"),
    ("Bildungsverein Nord e.V.", "Fachkräftebündnis Nordost-Niedersachsen"),
    ("Bildungsverein Nord e.V.", "Pflegenetzwerk Landkreis Gifhorn"),
)
# The skills alliances and the regions whose partners are their members.
ALLIANCES = {
    "Fachkräftebündnis SüdOstNiedersachsen": ("Braunschweig", "Wolfsburg-Gifhorn"),
    "Fachkräftebündnis Nordost-Niedersachsen": ("Heide-Elbe",),
}
ALLIANCE_KINDS = (
    Kind.CHAMBER, Kind.UNION, Kind.EMPLOYERS_ASSOCIATION, Kind.EMPLOYMENT_AGENCY, Kind.MUNICIPALITY,
)  # fmt: skip
ALLIANCE_SHARE = 0.7
# Kinds of partners that cooperate with each other in a region.
COOPERATING = {
    frozenset((Kind.EMPLOYMENT_AGENCY,)),
    frozenset((Kind.CHAMBER,)),
    frozenset((Kind.CHAMBER, Kind.EMPLOYMENT_AGENCY)),
    frozenset((Kind.MUNICIPALITY, Kind.CHAMBER)),
    frozenset((Kind.MUNICIPALITY, Kind.EMPLOYMENT_AGENCY)),
    frozenset((Kind.EDUCATION_PROVIDER, Kind.EMPLOYMENT_AGENCY)),
    frozenset((Kind.UNION, Kind.EMPLOYERS_ASSOCIATION)),
    frozenset((Kind.OTHER, Kind.MUNICIPALITY)),
}
COOPERATION_SHARE = 0.4
# The workspace's own association cooperates with these partners of its projects.
OWN_COOPERATIONS = (
    "IHK Braunschweig", "Agentur für Arbeit Braunschweig-Goslar", "Jobcenter Braunschweig",
    "IG Metall Braunschweig", "NiedersachsenMetall Bezirksgruppe Braunschweig",
    "Wirtschaftsförderung Landkreis Gifhorn", "Wirtschaftsförderung Stadt Wolfsburg",
    "Qualifizierungszentrum Metall Wolfsburg e.V.", "Koordinierungsstelle Frau und Wirtschaft Region Braunschweig",
    "Büro für Gleichstellung Stadt Braunschweig",
)  # fmt: skip
# Persons who belong to an organisation beyond their job: (person, kind, organisation).
PERSON_MEMBERSHIPS = (
    (LEAD_KEY, TieKind.MEMBER, "Fachkräftebündnis SüdOstNiedersachsen"),
    (COORDINATOR_KEY, TieKind.MEMBER, "Pflegenetzwerk Landkreis Gifhorn"),
    (HEAD_KEY, TieKind.BOARD_MEMBER, "Fachkräftebündnis SüdOstNiedersachsen"),
)
# Company heads on the boards of employers' associations, and women heading companies
# in the women entrepreneurs' network of their region.
BOARD_SEATS = 4
BOARDS = (
    "Arbeitgeberverband Region Braunschweig",
    "NiedersachsenMetall Bezirksgruppe Braunschweig",
)
WOMEN_NETWORK = "Unternehmerinnen-Netzwerk Hildesheim"
WOMEN_NETWORK_REGION = "Hannover-Süd"
WOMEN_NETWORK_SHARE = 0.6
SUPPLIES = 45
SUPPLIERS = {  # sectors that supply, and the sectors they supply
    ("24", "25", "26", "27", "33"): ("28", "29", "30", "27"),
    ("10",): ("56", "87", "47"),
    ("62",): ("28", "29", "49", "86", "87", "88"),
    ("49", "52"): ("47", "10", "28", "29"),
}


class OrganisationTies:
    def __init__(self, *, rng: random.Random, index: DemoIndex, ties: Ties, only_team: set[str]):
        self.rng = rng
        self.index = index
        self.ties = ties
        self.only_team = only_team

    def build(self) -> None:
        self._memberships()
        self._alliances()
        self._cooperations()
        self._own_cooperations()
        self._company_memberships()
        self._person_memberships()
        self._supplies()

    def _history(self, oldest: date, *, stale_share: float = 0.15) -> History:
        return history(self.rng, oldest=oldest, new_share=0, stale_share=stale_share)

    def _tie(self, kind: TieKind, source: str, target: str, **fields) -> None:
        fields.setdefault("strength", weighted(self.rng, {2: 1, 3: 2, 4: 1}))
        fields.setdefault("history", self._history(date(1995, 1, 1)))
        fields.setdefault("provenance", Provenance.IMPORT)
        self.ties.add(kind, source, target, **fields)

    def _memberships(self) -> None:
        for member, organisation in MEMBERSHIPS:
            self._tie(
                TieKind.MEMBERSHIP, self.index.by_name(member), self.index.by_name(organisation)
            )

    def _alliances(self) -> None:
        for name, regions in ALLIANCES.items():
            alliance = self.index.by_name(name)
            for partner in self.index.partners():
                if (
                    partner not in self.only_team
                    and self.index.kind(partner) in ALLIANCE_KINDS
                    and self.index.region(partner) in regions
                    and self.rng.random() < ALLIANCE_SHARE
                ):
                    self._tie(
                        TieKind.MEMBERSHIP,
                        partner,
                        alliance,
                        history=self._history(date(2014, 1, 1)),
                        provenance=Provenance.CONVERSATION,
                        purpose="Fachkräftebündnis",
                    )

    def _cooperations(self) -> None:
        partners = [key for key in self.index.partners() if key not in self.only_team]
        for position, first in enumerate(partners):
            for second in partners[position + 1 :]:
                if (
                    self.index.region(first) == self.index.region(second)
                    and frozenset((self.index.kind(first), self.index.kind(second))) in COOPERATING
                    and self.rng.random() < COOPERATION_SHARE
                ):
                    self._tie(
                        TieKind.COOPERATION,
                        first,
                        second,
                        history=self._history(date(2005, 1, 1)),
                        provenance=weighted(
                            self.rng, {Provenance.CONVERSATION: 2, Provenance.IMPORT: 1}
                        ),
                    )

    def _own_cooperations(self) -> None:
        for name in OWN_COOPERATIONS:
            self._tie(
                TieKind.COOPERATION,
                self.index.own_organisation,
                self.index.by_name(name),
                strength=4,
                history=self._history(date(2012, 1, 1)),
                provenance=Provenance.CONVERSATION,
                purpose="Kooperationsvereinbarung",
            )

    def _company_memberships(self) -> None:
        for company in self.index.companies():
            spec = self.index.organisations[company]
            chambers = CHAMBERS.get(spec.place.district.name)
            if chambers is not None and self.rng.random() < CHAMBER_RECORDED_SHARE:
                since = self._history(date(1990, 1, 1)).since
                self._tie(
                    TieKind.MEMBERSHIP,
                    company,
                    self.index.by_name(chambers[1] if _is_craft(spec) else chambers[0]),
                    strength=2,
                    history=History(since=since, last_contact=self.rng.choice(IMPORT_DAYS)),
                    purpose="Mitgliederliste",
                )
            association = self._association(company)
            if association:
                self._tie(
                    TieKind.MEMBERSHIP,
                    company,
                    self.index.by_name(association),
                    strength=3,
                    provenance=weighted(
                        self.rng, {Provenance.IMPORT: 1, Provenance.CONVERSATION: 1}
                    ),
                )

    def _person_memberships(self) -> None:
        for person, kind, name in PERSON_MEMBERSHIPS:
            self._tie(kind, person, self.index.by_name(name), strength=4)
        companies = self.index.companies()
        tram_heads = [
            self.index.head(company)
            for company in companies
            if "TraM" in self.index.organisations[company].tags
            and self.index.region(company) == "Braunschweig"
        ]
        for head in self.rng.sample(tram_heads, BOARD_SEATS):
            self._tie(
                TieKind.BOARD_MEMBER,
                head,
                self.index.by_name(self.rng.choice(BOARDS)),
                strength=4,
                history=self._history(date(2010, 1, 1), stale_share=0),
                provenance=Provenance.CONVERSATION,
            )
        network = self.index.by_name(WOMEN_NETWORK)
        for company in companies:
            head = self.index.head(company)
            if (
                self.index.region(company) == WOMEN_NETWORK_REGION
                and self.index.persons[head].salutation == Salutation.MS
                and self.rng.random() < WOMEN_NETWORK_SHARE
            ):
                self._tie(
                    TieKind.MEMBER,
                    head,
                    network,
                    strength=3,
                    history=self._history(date(2015, 1, 1)),
                    provenance=Provenance.CONVERSATION,
                )

    def _association(self, company: str) -> str:
        spec = self.index.organisations[company]
        region = self.index.region(company)
        if "Tarifbindung" in spec.tags:
            return METAL_ASSOCIATION.get(region, METAL_ASSOCIATION_DEFAULT)
        roll = self.rng.random()
        if spec.sector == "56" and region == "Heide-Elbe" and roll < 0.6:
            return "DEHOGA Kreisverband Lüneburg"
        if spec.sector == "88" and roll < 0.4:
            return "Landesverband Ambulante Pflege Niedersachsen"
        if _is_craft(spec) and region == "Wolfsburg-Gifhorn" and roll < 0.5:
            return "Kreishandwerkerschaft Gifhorn-Wolfsburg"
        if "TraM" in spec.tags and roll < 0.15:
            return REGIONAL_ASSOCIATION[region]
        return ""

    def _supplies(self) -> None:
        companies = self.index.companies()
        by_sector: dict[str, list[str]] = {}
        for company in companies:
            by_sector.setdefault(self.index.organisations[company].sector, []).append(company)
        added = 0
        while added < SUPPLIES:
            sectors, customers = self.rng.choice(list(SUPPLIERS.items()))
            suppliers = [company for sector in sectors for company in by_sector.get(sector, [])]
            buyers = [company for sector in customers for company in by_sector.get(sector, [])]
            supplier, buyer = self.rng.choice(suppliers), self.rng.choice(buyers)
            if self.index.region(supplier) != self.index.region(buyer) and self.rng.random() < 0.7:
                continue
            added += self.ties.add(
                TieKind.SUPPLIES,
                supplier,
                buyer,
                strength=weighted(self.rng, {2: 1, 3: 2, 4: 1}),
                history=self._history(date(2000, 1, 1)),
                provenance=Provenance.CONVERSATION,
                note="",
            )


def _is_craft(spec) -> bool:
    small = SizeClass.for_employees(spec.employee_count) in (SizeClass.MICRO, SizeClass.SMALL)
    return spec.sector in CRAFT_SECTORS or (small and spec.sector in SMALL_CRAFT_SECTORS)
