"""Ties of the project team and among the network partners' people, and the partners' door openers.

The team knows the partners' people well (strong, trusted, recent); each team
member has a focus: the project lead the heads of the partners around
Braunschweig and Wolfsburg, the acquisition staff member the chambers and
social partners, the network coordinator the providers and municipalities, the
FluGs colleague (in the team since March) the partners for equality and care.
Partners know each other mostly within their region, along the lines of their
work (union and employers' association, chamber and employment agency …); a
few brokers link the regions. A handful of partners the team brought in this
year know nobody but the team. A third of the partners' ties among each other
are new this year, from the projects' events: the network grows more
independent of the team.
"""

import random
from collections.abc import Callable
from datetime import date, timedelta

from netzwerkstatt.contacts.enums import DoorOpener
from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.network.enums import Provenance, TieKind

from .acquaintances import ACQUAINTANCES
from .collect import Ties, weighted
from .dates import YEAR, YEAR_AGO, history
from .index import DemoIndex
from .team import ACQUISITION_KEY, COORDINATOR_KEY, FLUGS_KEY, LEAD_KEY

CORE_REGIONS = ("Braunschweig", "Wolfsburg-Gifhorn")
# Partners the team brought in this year; they know nobody in the network but the team.
ONLY_TEAM_PARTNERS = (
    "gleichauf Beratung für Chancengleichheit",
    "Sprachen- und Integrationswerk Hannover",
    "Gleichstellungsbüro Landkreis Celle",
    "Pflegeakademie Fuhse-Aue",
    "zeitgewinn Arbeitszeitberatung",
)
# Partners the team has long known but who joined the wider network only this year, one
# after the other, mostly at the projects' events: the team dependency falls month by month.
GROWING_PARTNERS = (
    "Agentur für Arbeit Lüneburg-Uelzen",
    "Berufsbildungszentrum Heide-Wendland",
    "Unternehmerinnen-Netzwerk Hildesheim",
    "Personalwerk Nord GmbH",
    "Wirtschaftsförderung Landkreis Uelzen",
    "Agentur für Arbeit Göttingen",
    "DEHOGA Kreisverband Lüneburg",
    "Brandes & Partner Organisationsberatung",
    "Lernwerk Harzvorland e.V.",
    "IG Metall Südniedersachsen-Harz",
    "Landesverband Ambulante Pflege Niedersachsen",
)
# Heads of these partners hold regions together; the second one has not been asked yet.
BROKERS = (
    ("Fachkräftebündnis SüdOstNiedersachsen", DoorOpener.WILLING),
    ("Fachkräftebündnis Nordost-Niedersachsen", DoorOpener.NOT_ASKED),
    ("Unternehmerverbände Niedersachsen", DoorOpener.WILLING),
    ("Koordinierungsstelle Frau und Wirtschaft Region Braunschweig", DoorOpener.WILLING),
)
BROKER_TIES = (12, 18)
ONLY_TEAM_CONTACTS = (COORDINATOR_KEY, LEAD_KEY, FLUGS_KEY)
FLUGS_PARTNER_WORDS = ("Gleichstellung", "Frau", "Pflege", "DEHOGA", "Unternehmerinnen")
NETWORK_KINDS = (Kind.EDUCATION_PROVIDER, Kind.MUNICIPALITY, Kind.OTHER, Kind.EMPLOYMENT_AGENCY)
ACQUISITION_KINDS = (Kind.CHAMBER, Kind.UNION, Kind.EMPLOYERS_ASSOCIATION, Kind.EMPLOYMENT_AGENCY)

# How readily people of two kinds of partner work together; pairs not named: 1.
AFFINITY = {
    frozenset((Kind.CHAMBER, Kind.EMPLOYERS_ASSOCIATION)): 4,
    frozenset((Kind.CHAMBER, Kind.EMPLOYMENT_AGENCY)): 4,
    frozenset((Kind.CHAMBER,)): 3,
    frozenset((Kind.CHAMBER, Kind.MUNICIPALITY)): 3,
    frozenset((Kind.CHAMBER, Kind.EDUCATION_PROVIDER)): 3,
    frozenset((Kind.UNION, Kind.EMPLOYERS_ASSOCIATION)): 4,
    frozenset((Kind.UNION,)): 4,
    frozenset((Kind.UNION, Kind.EMPLOYMENT_AGENCY)): 2,
    frozenset((Kind.UNION, Kind.EDUCATION_PROVIDER)): 2,
    frozenset((Kind.EMPLOYMENT_AGENCY,)): 4,
    frozenset((Kind.EMPLOYMENT_AGENCY, Kind.EDUCATION_PROVIDER)): 4,
    frozenset((Kind.EMPLOYMENT_AGENCY, Kind.MUNICIPALITY)): 3,
    frozenset((Kind.EMPLOYERS_ASSOCIATION,)): 3,
    frozenset((Kind.MUNICIPALITY, Kind.OTHER)): 3,
    frozenset((Kind.MUNICIPALITY,)): 2,
    frozenset((Kind.CONSULTANCY, Kind.EDUCATION_PROVIDER)): 2,
    frozenset((Kind.OTHER,)): 2,
}
PARTNER_DEGREE = (3, 8)  # ties each partner person starts to others
SAME_REGION_SHARE = 0.9
NEW_PARTNER_TIE_SHARE = 0.35  # partners' ties among each other that began this year
COLLEAGUE_SHARE = 0.7

TEAM_PURPOSES = (
    "Akquise von Betrieben", "Empfehlungen an Betriebe", "Gemeinsame Veranstaltungen",
    "Fachkräftesicherung in der Region", "Netzwerktreffen", "Abstimmung zu Förderprogrammen",
)  # fmt: skip
PARTNER_PURPOSES = (
    "Fachkräftebündnis", "Arbeitskreis Ausbildung", "Gemeinsame Veranstaltungen",
    "Sozialpartnerdialog", "Arbeitskreis Personal", "", "", "",
)  # fmt: skip
PARTNER_NOTES = (
    "Kennen sich aus dem Berufsbildungsausschuss.",
    "Gemeinsam im Arbeitskreis Personal der Region.",
    "Haben zusammen den Ausbildungstag organisiert.",
    "Zuletzt auf dem Neujahrsempfang gesprochen.",
    "Beim Netzwerktreffen ins Gespräch gekommen.",
)
NOTE_SHARE = 0.08
PROJECTS = ("TraM", "FluGs")


def joined_dates(index: DemoIndex) -> dict[str, date]:
    """When each growing partner (the organisation and its people) joined the network:
    spread evenly over the last year, the first a few weeks in."""
    step = YEAR / (len(GROWING_PARTNERS) + 1)
    joined = {}
    for number, name in enumerate(GROWING_PARTNERS, start=1):
        organisation = index.by_name(name)
        day = YEAR_AGO + timedelta(days=round(number * step))
        for key in (organisation, *index.staff[organisation]):
            joined[key] = day
    return joined


class PartnerTies:
    def __init__(self, *, rng: random.Random, index: DemoIndex, ties: Ties):
        self.rng = rng
        self.index = index
        self.ties = ties
        self.only_team = {index.by_name(name) for name in ONLY_TEAM_PARTNERS}
        self.brokers = {index.head(index.by_name(name)): word for name, word in BROKERS}
        self.partner_persons = [
            person
            for organisation in index.partners()
            if organisation not in self.only_team
            for person in index.staff[organisation]
        ]
        self.door_openers: dict[str, DoorOpener] = {}

    def build(self) -> dict[str, DoorOpener]:
        """Add the team's and the partners' ties; return the partners' door openers."""
        self._team_among_themselves()
        known = self._team_and_partners()
        known |= self._team_keeps_in_touch()
        self._team_and_acquaintances()
        self._door_openers(known_to_team=known)
        self._colleagues()
        self._across_institutions()
        self._brokers()
        return self.door_openers

    # --- the team ------------------------------------------------------------------------

    def _team_among_themselves(self) -> None:
        colleagues = self.index.staff[self.index.own_organisation]
        for position, first in enumerate(colleagues):
            for second in colleagues[position + 1 :]:
                start = max(self._started(first), self._started(second))
                self.ties.add(
                    TieKind.WORKS_WITH,
                    first,
                    second,
                    strength=5 if second in self.index.team and first in self.index.team else 4,
                    trust=5,
                    history=history(self.rng, oldest=start, new_share=0, stale_share=0),
                    provenance=Provenance.OTHER,
                )

    def _started(self, person: str) -> date:
        return self.index.persons[person].functions[0].start_date

    def _team_and_partners(self) -> set[str]:
        known = set()
        focus = self._focus()
        for member in self.index.team:
            knows, oldest = focus[member]
            for person in self.partner_persons:
                if self.rng.random() < knows(person) and self._team_tie(member, person, oldest):
                    known.add(person)
        return known

    def _focus(self) -> dict[str, tuple[Callable[[str], float], date]]:
        """Per team member: how likely they know a partner person, and since when at the earliest."""
        index = self.index

        def is_head(person: str) -> bool:
            return index.head(index.employer[person]) == person

        def lead(person: str) -> float:
            region = index.person_region(person)
            if is_head(person):
                return {"Heide-Elbe": 0.1, "Hannover-Süd": 0.4}.get(region, 0.85)
            return 0.15 if region in CORE_REGIONS else 0.03

        def acquisition(person: str) -> float:
            if index.person_kind(person) in ACQUISITION_KINDS:
                return 0.4 if index.person_region(person) in CORE_REGIONS else 0.08
            return 0.03

        def coordination(person: str) -> float:
            if index.person_kind(person) in NETWORK_KINDS:
                return 0.5 if index.person_region(person) in CORE_REGIONS else 0.2
            return 0.06

        def flugs(person: str) -> float:
            name = index.organisations[index.employer[person]].name
            if any(word in name for word in FLUGS_PARTNER_WORDS):
                return 0.6
            if index.person_kind(person) == Kind.CONSULTANCY:
                return 0.35
            return 0.03

        return {
            LEAD_KEY: (lead, date(2012, 1, 1)),
            ACQUISITION_KEY: (acquisition, date(2023, 9, 1)),
            COORDINATOR_KEY: (coordination, date(2017, 2, 15)),
            FLUGS_KEY: (flugs, date(2026, 3, 1)),
        }

    def _team_tie(self, member: str, person: str, oldest: date, *, new_share: float = 0.15) -> bool:
        strength = weighted(self.rng, {3: 2, 4: 4, 5: 3})
        provenance = weighted(
            self.rng, {Provenance.CONVERSATION: 55, Provenance.EVENT: 20, Provenance.IMPORT: 25}
        )
        return self.ties.add(
            TieKind.WORKS_WITH if strength >= 4 and self.rng.random() < 0.4 else TieKind.KNOWS,
            member,
            person,
            strength=strength,
            trust=weighted(self.rng, {3: 2, 4: 4, 5: 3}) if self.rng.random() < 0.8 else None,
            history=history(self.rng, oldest=oldest, new_share=new_share, stale_share=0.08),
            provenance=provenance,
            purpose=self.rng.choice(TEAM_PURPOSES),
            project=self.rng.choice(PROJECTS) if self.rng.random() < 0.4 else "",
        )

    def _team_keeps_in_touch(self) -> set[str]:
        """The growing partners' heads know the project lead from way back; the people of
        the partners who know only the team know the network coordinator or the lead, some
        also the FluGs colleague."""
        known = set()
        for name in GROWING_PARTNERS:
            head = self.index.head(self.index.by_name(name))
            self._team_tie(LEAD_KEY, head, date(2012, 1, 1), new_share=0)
            known.add(head)
        for organisation in sorted(self.only_team):
            for person in self.index.staff[organisation]:
                members = self.rng.sample(ONLY_TEAM_CONTACTS, self.rng.randint(1, 2))
                for member in members:
                    oldest = date(2016, 1, 1) if member != FLUGS_KEY else self._started(member)
                    self._team_tie(member, person, oldest, new_share=0)
                self.door_openers[person] = weighted(
                    self.rng, {DoorOpener.WILLING: 1, DoorOpener.NOT_ASKED: 2}
                )
        return known

    def _team_and_acquaintances(self) -> None:
        for acquaintance in ACQUAINTANCES:
            for member, strength in acquaintance.knows:
                self.ties.add(
                    TieKind.KNOWS,
                    member,
                    acquaintance.key,
                    strength=strength,
                    trust=5,
                    history=history(
                        self.rng,
                        oldest=max(self._started(member), date(2010, 1, 1)),
                        new_share=0,
                        stale_share=0,
                    ),
                    provenance=Provenance.CONVERSATION,
                    purpose="Empfehlungen an Betriebe",
                )
            self.door_openers[acquaintance.key] = DoorOpener.WILLING

    # --- door openers --------------------------------------------------------------------

    def _door_openers(self, *, known_to_team: set[str]) -> None:
        """Partners the team knows have mostly been asked; a few said no."""
        for person in self.partner_persons:
            if person in self.brokers:
                self.door_openers[person] = self.brokers[person]
            elif person in known_to_team:
                self.door_openers[person] = weighted(
                    self.rng,
                    {DoorOpener.WILLING: 64, DoorOpener.NOT_ASKED: 28, DoorOpener.UNWILLING: 8},
                )
            else:
                self.door_openers[person] = weighted(
                    self.rng,
                    {DoorOpener.WILLING: 20, DoorOpener.NOT_ASKED: 75, DoorOpener.UNWILLING: 5},
                )

    # --- the partners among each other -------------------------------------------------------

    def _partner_tie(self, first: str, second: str, *, strength: dict[int, int], oldest: date):
        relationship = history(
            self.rng, oldest=oldest, new_share=NEW_PARTNER_TIE_SHARE, stale_share=0.25
        )
        if relationship.since >= YEAR_AGO:  # met at one of the year's events, most of them
            provenance = weighted(
                self.rng, {Provenance.EVENT: 6, Provenance.CONVERSATION: 2, Provenance.SURVEY: 2}
            )
        else:
            provenance = weighted(
                self.rng,
                {Provenance.CONVERSATION: 40, Provenance.SURVEY: 20, Provenance.IMPORT: 30,
                 Provenance.EVENT: 10},
            )  # fmt: skip
        if provenance == Provenance.EVENT and relationship.since >= YEAR_AGO:
            kind = TieKind.MET_AT_EVENT
        else:
            kind = TieKind.WORKS_WITH if self.rng.random() < 0.3 else TieKind.KNOWS
        self.ties.add(
            kind,
            first,
            second,
            strength=weighted(self.rng, strength),
            trust=weighted(self.rng, {2: 1, 3: 3, 4: 3, 5: 1}) if self.rng.random() < 0.3 else None,
            history=relationship,
            provenance=provenance,
            purpose=self.rng.choice(PARTNER_PURPOSES),
            project=self.rng.choice(PROJECTS) if self.rng.random() < 0.2 else "",
            note=self.rng.choice(PARTNER_NOTES) if self.rng.random() < NOTE_SHARE else "",
        )

    def _colleagues(self) -> None:
        for organisation in self.index.partners():
            if organisation in self.only_team:
                continue
            staff = self.index.staff[organisation]
            for position, first in enumerate(staff):
                for second in staff[position + 1 :]:
                    if self.rng.random() < COLLEAGUE_SHARE:
                        self.ties.add(
                            TieKind.WORKS_WITH,
                            first,
                            second,
                            strength=weighted(self.rng, {3: 2, 4: 3, 5: 2}),
                            history=history(
                                self.rng,
                                oldest=max(self._started(first), self._started(second)),
                                new_share=0,
                                stale_share=0,
                            ),
                            provenance=Provenance.CONVERSATION,
                        )

    def _across_institutions(self) -> None:
        by_region: dict[str, list[str]] = {}
        for person in self.partner_persons:
            by_region.setdefault(self.index.person_region(person), []).append(person)
        for person in self.partner_persons:
            region = self.index.person_region(person)
            kind = self.index.person_kind(person)
            for _ in range(self.rng.randint(*PARTNER_DEGREE)):
                pool = (
                    by_region[region]
                    if self.rng.random() < SAME_REGION_SHARE
                    else self.partner_persons
                )
                candidates = [
                    other
                    for other in pool
                    if self.index.employer[other] != self.index.employer[person]
                ]
                weights = [
                    AFFINITY.get(frozenset((kind, self.index.person_kind(other))), 1)
                    for other in candidates
                ]
                (other,) = self.rng.choices(candidates, weights=weights)
                self._partner_tie(
                    person, other, strength={2: 3, 3: 4, 4: 2, 5: 1}, oldest=date(2008, 1, 1)
                )

    def _brokers(self) -> None:
        heads = [
            person
            for person in self.partner_persons
            if self.index.head(self.index.employer[person]) == person
        ]
        for broker in sorted(self.brokers):
            home = self.index.person_region(broker)
            for _ in range(self.rng.randint(*BROKER_TIES)):
                pool = heads if self.rng.random() < 0.7 else self.partner_persons
                weights = [1 if self.index.person_region(other) == home else 2 for other in pool]
                (other,) = self.rng.choices(pool, weights=weights)
                self._partner_tie(
                    broker, other, strength={3: 2, 4: 3, 5: 1}, oldest=date(2012, 1, 1)
                )
