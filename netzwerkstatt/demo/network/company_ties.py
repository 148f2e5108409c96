"""Ties from the network to the companies' people, and the companies' own door openers.

Partners know companies in their region: the chamber's advisers and the
employment agency's employer service know managing directors and HR, union
secretaries know works councillors, consultants and chamber advisers advise
some companies directly. How the team can reach a company decides which ties it
gets (`Access`): most through partners who have agreed to open doors, some only
through partners not asked yet or through another company's head, some where a
colleague already knows someone, a few only through a partner who declined to
open doors, and some not at all.
"""

import random
from datetime import date

from netzwerkstatt.contacts.enums import DoorOpener
from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.network.enums import Provenance, TieKind
from netzwerkstatt.network.surveys import SURVEY_PURPOSE

from .collect import Ties, weighted
from .dates import YEAR_AGO, history
from .index import DemoIndex
from .specs import Access
from .team import ACQUISITION_KEY, COORDINATOR_KEY, FLUGS_KEY, LEAD_KEY

ACCESS_WEIGHTS = {
    Access.WARM: 50,
    Access.TEAM: 10,
    Access.UNASKED: 14,
    Access.SECOND_HAND: 8,
    Access.BLOCKED: 5,
    Access.COLD: 13,
}
# Which partners' people a project's companies know, by the kind of partner.
PARTNER_WEIGHTS = {
    "TraM": {
        Kind.CHAMBER: 3, Kind.UNION: 2, Kind.EMPLOYERS_ASSOCIATION: 3, Kind.EMPLOYMENT_AGENCY: 2,
        Kind.MUNICIPALITY: 2, Kind.CONSULTANCY: 1, Kind.EDUCATION_PROVIDER: 1.5, Kind.OTHER: 1,
    },
    "FluGs": {
        Kind.CHAMBER: 2, Kind.UNION: 1, Kind.EMPLOYERS_ASSOCIATION: 1, Kind.EMPLOYMENT_AGENCY: 3,
        Kind.MUNICIPALITY: 2.5, Kind.CONSULTANCY: 2, Kind.EDUCATION_PROVIDER: 1.5, Kind.OTHER: 2,
    },
}  # fmt: skip
ADVISER_KINDS = (Kind.CHAMBER, Kind.CONSULTANCY, Kind.EDUCATION_PROVIDER, Kind.EMPLOYMENT_AGENCY)
TEAM_CONTACTS = {
    "TraM": {ACQUISITION_KEY: 6, LEAD_KEY: 4},
    "FluGs": {FLUGS_KEY: 6, LEAD_KEY: 2, COORDINATOR_KEY: 2},
}
SAME_REGION_SHARE = 0.85
HEAD_SHARE = 0.6  # of a company's contact persons, its head
HEADS_WHO_MEET = 140  # ties between heads of companies in the same district
COMPANY_PURPOSES = {
    "TraM": (
        "Demografie-Check", "Altersstrukturanalyse", "Ausbildung und Nachwuchs",
        "Wissenstransfer zwischen Alt und Jung", "Alternsgerechte Arbeitsgestaltung",
    ),
    "FluGs": (
        "Arbeitszeitmodelle", "Mentoring-Programm", "Vereinbarkeit von Beruf und Familie",
        "Wiedereinstieg nach der Elternzeit", "Frauen in Führung",
    ),
}  # fmt: skip
HEADS_NOTES = (
    "Kennen sich vom Unternehmerfrühstück.",
    "Sitzen zusammen im Arbeitskreis Personal.",
    "Geschäftsbeziehung seit Jahren.",
    "",
)


class CompanyTies:
    def __init__(
        self,
        *,
        rng: random.Random,
        index: DemoIndex,
        ties: Ties,
        partner_persons: list[str],
        door_openers: dict[str, DoorOpener],
    ):
        self.rng = rng
        self.index = index
        self.ties = ties
        self.door_openers = door_openers
        self.pools: dict[tuple[str, DoorOpener], list[str]] = {}
        for person in partner_persons:
            word = door_openers.get(person, DoorOpener.NOT_ASKED)
            for region in (index.person_region(person), ""):
                self.pools.setdefault((region, word), []).append(person)
        self.access: dict[str, Access] = {}

    def build(self) -> tuple[dict[str, Access], dict[str, DoorOpener]]:
        """Add the ties to the companies' people; return each company's access and their door openers."""
        companies = self.index.companies()
        for company in companies:
            self.access[company] = weighted(self.rng, ACCESS_WEIGHTS)
        for company in companies:
            self._reach(company)
        for company in companies:
            if self.access[company] == Access.SECOND_HAND:
                self._second_hand(company)
        self._heads_who_meet()
        return self.access, self._door_openers()

    # --- the partners' and the team's contacts ------------------------------------------------

    def _partner(self, company: str, word: DoorOpener, kinds=None) -> str | None:
        """A partner person with this door-opener word, usually from the company's region."""
        region = self.index.region(company)
        pool = self.pools.get((region, word), [])
        if not pool or self.rng.random() > SAME_REGION_SHARE:
            pool = self.pools.get(("", word), [])
        weights = PARTNER_WEIGHTS[self.index.project(company)]
        candidates = [
            person for person in pool if kinds is None or self.index.person_kind(person) in kinds
        ]
        if not candidates:
            return None
        (person,) = self.rng.choices(
            candidates, weights=[weights[self.index.person_kind(person)] for person in candidates]
        )
        return person

    def _contact(self, company: str) -> str:
        staff = self.index.staff[company]
        if len(staff) == 1 or self.rng.random() < HEAD_SHARE:
            return staff[0]
        return self.rng.choice(staff[1:])

    def _knows(self, partner: str | None, person: str, company: str, *, strength=None) -> None:
        if partner is None:
            return
        project = self.index.project(company)
        self.ties.add(
            TieKind.KNOWS,
            partner,
            person,
            strength=strength or weighted(self.rng, {1: 1, 2: 3, 3: 3, 4: 2}),
            trust=weighted(self.rng, {2: 1, 3: 2, 4: 2}) if self.rng.random() < 0.25 else None,
            history=history(self.rng, oldest=date(2010, 1, 1), new_share=0.25, stale_share=0.25),
            provenance=weighted(
                self.rng,
                {Provenance.CONVERSATION: 50, Provenance.SURVEY: 20, Provenance.IMPORT: 30},
            ),
            purpose=self.rng.choice(COMPANY_PURPOSES[project]) if self.rng.random() < 0.4 else "",
            project=project if self.rng.random() < 0.5 else "",
        )

    def _advises(self, partner: str | None, company: str) -> None:
        if partner is None:
            return
        project = self.index.project(company)
        from_survey = self.rng.random() < 0.3
        self.ties.add(
            TieKind.COLLABORATES if from_survey else TieKind.ADVISES,
            partner,
            company,
            strength=weighted(self.rng, {2: 2, 3: 3, 4: 2}),
            history=history(self.rng, oldest=date(2015, 1, 1), new_share=0.3, stale_share=0.2),
            provenance=Provenance.SURVEY if from_survey else Provenance.CONVERSATION,
            purpose=SURVEY_PURPOSE if from_survey else self.rng.choice(COMPANY_PURPOSES[project]),
            project=project if self.rng.random() < 0.5 else "",
        )

    def _reach(self, company: str) -> None:
        access = self.access[company]
        if access == Access.COLD:
            return
        if access == Access.BLOCKED:
            self._knows(
                self._partner(company, DoorOpener.UNWILLING), self._contact(company), company
            )
            return
        if access == Access.UNASKED:
            for _ in range(self.rng.randint(1, 2)):
                partner = self._partner(company, DoorOpener.NOT_ASKED)
                self._knows(partner, self._contact(company), company)
            if self.rng.random() < 0.2:
                self._advises(self._partner(company, DoorOpener.NOT_ASKED, ADVISER_KINDS), company)
            self._works_council(company, DoorOpener.NOT_ASKED)
            return
        if access == Access.WARM:
            self._knows(self._partner(company, DoorOpener.WILLING), self._contact(company), company)
            for _ in range(self.rng.randint(1, 3)):
                word = weighted(self.rng, {DoorOpener.WILLING: 1, DoorOpener.NOT_ASKED: 2})
                self._knows(self._partner(company, word), self._contact(company), company)
            if self.rng.random() < 0.3:
                self._advises(self._partner(company, DoorOpener.WILLING, ADVISER_KINDS), company)
            self._works_council(company, DoorOpener.WILLING)
        if access == Access.TEAM:
            self._team(company)
            if self.rng.random() < 0.4:
                partner = self._partner(company, DoorOpener.WILLING)
                self._knows(partner, self._contact(company), company)

    def _works_council(self, company: str, word: DoorOpener) -> None:
        for councillor in self.index.works_council(company):
            if self.rng.random() < 0.5:
                union = self._partner(company, word, (Kind.UNION,))
                self._knows(union, councillor, company, strength=weighted(self.rng, {3: 1, 4: 1}))

    def _team(self, company: str) -> None:
        project = self.index.project(company)
        member = weighted(self.rng, TEAM_CONTACTS[project])
        at_event = self.rng.random() < 0.4
        self.ties.add(
            TieKind.MET_AT_EVENT if at_event else TieKind.KNOWS,
            member,
            self._contact(company),
            strength=weighted(self.rng, {2: 3, 3: 2}),
            trust=weighted(self.rng, {3: 2, 4: 1}) if self.rng.random() < 0.4 else None,
            history=history(
                self.rng,
                oldest=YEAR_AGO if at_event else date(2022, 1, 1),
                new_share=0.6,
                stale_share=0.1,
            ),
            provenance=Provenance.EVENT if at_event else Provenance.CONVERSATION,
            purpose=self.rng.choice(COMPANY_PURPOSES[project]),
            project=project,
        )
        if self.rng.random() < 0.4:
            self.ties.add(
                TieKind.ADVISES,
                member,
                company,
                strength=4,
                trust=4,
                history=history(self.rng, oldest=YEAR_AGO, new_share=1, stale_share=0),
                provenance=Provenance.CONVERSATION,
                purpose=self.rng.choice(COMPANY_PURPOSES[project]),
                project=project,
            )

    # --- among the companies' people ----------------------------------------------------------

    def _heads_tie(self, first: str, second: str) -> None:
        self.ties.add(
            TieKind.KNOWS,
            self.index.head(first),
            self.index.head(second),
            strength=weighted(self.rng, {1: 2, 2: 3, 3: 2}),
            history=history(self.rng, oldest=date(2005, 1, 1), new_share=0.15, stale_share=0.3),
            provenance=weighted(self.rng, {Provenance.CONVERSATION: 2, Provenance.EVENT: 1}),
            note=self.rng.choice(HEADS_NOTES),
        )

    def _second_hand(self, company: str) -> None:
        """The head knows the head of a company the team can reach."""
        region = self.index.region(company)
        reachable = [
            other
            for other, access in self.access.items()
            if access in (Access.WARM, Access.TEAM) and self.index.region(other) == region
        ]
        self._heads_tie(company, self.rng.choice(reachable))

    def _heads_who_meet(self) -> None:
        by_district: dict[str, list[str]] = {}
        for company, access in self.access.items():
            if access in (Access.WARM, Access.TEAM):
                district = self.index.organisations[company].place.district.name
                by_district.setdefault(district, []).append(company)
        districts = [companies for companies in by_district.values() if len(companies) > 1]
        for _ in range(HEADS_WHO_MEET):
            first, second = self.rng.sample(self.rng.choice(districts), 2)
            self._heads_tie(first, second)

    def _door_openers(self) -> dict[str, DoorOpener]:
        """Company people have rarely been asked; those the team knows more often."""
        known = {tie.target for tie in self.ties.specs if tie.source in self.index.team} | {
            tie.source for tie in self.ties.specs if tie.target in self.index.team
        }
        words = {}
        for company in self.index.companies():
            for person in self.index.staff[company]:
                willing = 0.35 if person in known else 0.04
                roll = self.rng.random()
                if roll < willing:
                    words[person] = DoorOpener.WILLING
                elif roll > 0.98:
                    words[person] = DoorOpener.UNWILLING
        return words
