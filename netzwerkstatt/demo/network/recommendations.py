"""About 40 recommendations ("Empfehlungen") over the last year, with every outcome.

Partners recommend companies to the team and the project (the association) to
the companies' people they know; a partner introduces a colleague of the team
to a managing director; managing directors the project works with recommend it
to other managing directors. Recommendations follow ties that exist, the way
they happen; the older ones have an outcome, the newest are still open.
"""

import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from netzwerkstatt.contacts.enums import DoorOpener
from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.network.enums import RecommendationOutcome as Outcome
from netzwerkstatt.network.enums import TieKind

from .collect import AUTHOR_WEIGHTS, AUTHORS
from .company_ties import COMPANY_PURPOSES
from .dates import LAST_DAY, YEAR_AGO, day_between
from .index import DemoIndex
from .specs import Access, RecommendationSpec, TieSpec
from .team import LEAD_KEY

# How many of each form: a company to the team, the project to a company's person,
# a team member to a company's person, the project from one company to another.
COMPANY_TO_TEAM, PROJECT_TO_COMPANY, COLLEAGUE_TO_COMPANY, COMPANY_TO_COMPANY = 16, 14, 6, 4
OUTCOMES = {Outcome.CONVERSATION: 12, Outcome.COOPERATION: 10, Outcome.DECLINED: 8}
STILL_OPEN = 7  # the newest ones have no outcome yet
OPEN_LONGER = 3  # and a few older ones still wait for one
OUTCOME_AFTER_DAYS = (10, 60)
NOTES = (
    "Empfehlung beim Jour fixe ausgesprochen.",
    "Kontakt per E-Mail hergestellt, wir sollen uns auf die Empfehlung beziehen.",
    "Hat den Flyer weitergegeben und Rückruf angekündigt.",
    "",
    "",
)


def recommendations_build(
    *,
    rng: random.Random,
    index: DemoIndex,
    ties: Sequence[TieSpec],
    access: dict[str, Access],
    door_openers: dict[str, DoorOpener],
    joined: Mapping[str, date],
) -> list[RecommendationSpec]:
    """The recommendations; partners who joined the network this year recommend nobody yet."""
    builder = _Recommendations(rng=rng, index=index, ties=ties, access=access)
    forms = builder.forms(door_openers, newcomers=set(joined))
    dates = sorted(day_between(rng, YEAR_AGO, LAST_DAY - timedelta(days=3)) for _ in forms)
    settled = [outcome for outcome, count in OUTCOMES.items() for _ in range(count)]
    settled += [Outcome.OPEN] * OPEN_LONGER
    rng.shuffle(settled)
    outcomes = settled[: max(0, len(forms) - STILL_OPEN)] + [Outcome.OPEN] * STILL_OPEN
    rng.shuffle(forms)
    return [
        builder.recommendation(form, day=day, outcome=outcome)
        for form, day, outcome in zip(forms, dates, outcomes, strict=False)
    ]


class _Recommendations:
    def __init__(
        self,
        *,
        rng: random.Random,
        index: DemoIndex,
        ties: Sequence[TieSpec],
        access: dict[str, Access],
    ):
        self.rng = rng
        self.index = index
        self.access = access
        # Who knows whom ("knows" ties only: a recommendation implies one, and where the two
        # work together already, a second tie of another kind would say nothing new).
        self.knows: dict[str, set[str]] = {}
        self.tied: set[frozenset[str]] = set()
        for tie in ties:
            self.tied.add(frozenset((tie.source, tie.target)))
            if tie.kind == TieKind.KNOWS and tie.source in index.persons:
                self.knows.setdefault(tie.source, set()).add(tie.target)
                self.knows.setdefault(tie.target, set()).add(tie.source)
        self.team = set(index.team)
        self.reachable = {company for company, how in access.items() if how == Access.WARM}

    def company_of(self, person: str) -> str | None:
        """The person's company, if the team can reach it."""
        employer = self.index.employer[person]
        return employer if employer in self.reachable else None

    def forms(
        self, door_openers: dict[str, DoorOpener], *, newcomers: set[str]
    ) -> list[tuple[str, str, str]]:
        """(form, recommender, person at the company), each company once."""

        def is_partner(person: str) -> bool:
            employer = self.index.employer[person]
            return (
                self.index.kind(employer) != Kind.COMPANY
                and employer != self.index.own_organisation
                and door_openers.get(person) != DoorOpener.UNWILLING
                and person not in newcomers
            )

        introductions = sorted(
            (partner, person)
            for partner in self.knows
            if is_partner(partner)
            for person in self.knows[partner]
            if self.company_of(person)
        )
        self.rng.shuffle(introductions)
        used: set[str] = set()
        forms: list[tuple[str, str, str]] = []
        for form, count, needs_team in (
            ("company", COMPANY_TO_TEAM, False),
            ("project", PROJECT_TO_COMPANY, False),
            ("colleague", COLLEAGUE_TO_COMPANY, True),
        ):
            taken = 0
            for partner, person in introductions:
                company = self.company_of(person)
                if taken == count or company in used:
                    continue
                if needs_team and not self.knows[partner] & self.team:
                    continue
                used.add(company)
                forms.append((form, partner, person))
                taken += 1
        heads = sorted(
            (self.index.head(company), other)
            for company, how in self.access.items()
            if how == Access.TEAM
            for other in self.knows.get(self.index.head(company), ())
            if self.company_of(other) not in (None, company)
            and frozenset((other, self.index.own_organisation)) not in self.tied
        )
        self.rng.shuffle(heads)
        forms += [("company-to-company", head, other) for head, other in heads[:COMPANY_TO_COMPANY]]
        return forms

    def recommendation(
        self, form: tuple[str, str, str], *, day, outcome: Outcome
    ) -> RecommendationSpec:
        kind, recommender, person = form
        company = self.index.employer[person]
        members = sorted(self.knows[recommender] & set(self.index.team_on(day))) or [LEAD_KEY]
        members = [
            member for member in members if frozenset((member, person)) not in self.tied
        ] or members
        if kind == "company":
            subject, recipient = company, self.rng.choice(members)
        elif kind == "colleague":
            subject, recipient = self.rng.choice(members), person
        else:
            subject, recipient = self.index.own_organisation, person
        outcome_date = None
        if outcome != Outcome.OPEN:
            outcome_date = day + timedelta(days=self.rng.randint(*OUTCOME_AFTER_DAYS))
        if outcome_date is not None and outcome_date > LAST_DAY:
            outcome, outcome_date = Outcome.OPEN, None
        project = self.index.project(company)
        (author,) = self.rng.choices(AUTHORS, weights=AUTHOR_WEIGHTS)
        return RecommendationSpec(
            recommender=recommender,
            subject=subject,
            recipient=recipient,
            date=day,
            outcome=outcome,
            outcome_date=outcome_date,
            purpose=self.rng.choice(COMPANY_PURPOSES[project]),
            project=project,
            recorded_by=author,
            note=self.rng.choice(NOTES),
        )
