"""About a year of approaches to the demo's companies, as plain data from the seed.

Each company enters the pipeline of its project once, by one channel:

- recommendation: every recommendation of the network step that names a company or
  one of its people; the recommender introduces, and the recommendation's outcome
  decides how far the approach got (declined stays declined, a cooperation is an
  agreement);
- event: companies met at the spring trade fair (tagged "Messe-Kontakt 2026") or by
  a colleague at an event ("met at an event" ties);
- warm: companies whose people know a partner's person; that partner introduces;
- cold: companies nobody of the network knows (or only partners not asked), without
  an introducer.

How far each got mirrors the practitioners' lesson (`FATES`, `REC_AGREEMENT_SHARE`):
recommendations and warm introductions end in agreements far more often than cold
calls. Activities name only participants whose ties to each other and to the team
were in contact on that day or later (`PersonTie.last_contact`), so the history the
network step wrote stays true: logging them would not have moved any last contact.
"""

import random
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from netzwerkstatt.acquisition.enums import Channel, StageKind
from netzwerkstatt.contacts.enums import DoorOpener
from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.demo.network.index import DemoIndex
from netzwerkstatt.demo.network.specs import Access, NetworkPlan, RecommendationSpec
from netzwerkstatt.demo.network.team import ACQUISITION_KEY, LEAD_KEY
from netzwerkstatt.demo.specs import ContactsPlan
from netzwerkstatt.network.enums import RecommendationOutcome as Outcome
from netzwerkstatt.network.enums import TieKind

from . import content
from .approach import ApproachBuilder
from .dates import EARLIEST, LAST_WORKDAY, chain, day_between, workday
from .followups import follow_ups
from .specs import (
    AcquisitionPlan,
    ApproachSpec,
    PersonTie,
)

S = StageKind
PROGRESS = (S.IDENTIFIED, S.RESEARCHED, S.APPROACHED, S.CONVERSATION, S.AGREEMENT, S.ACTIVE, S.COMPLETED)  # fmt: skip
AGREED = (S.AGREEMENT, S.ACTIVE, S.COMPLETED)
# How an approach ended up, beyond the stage kinds: declined after the first contact or
# after a conversation.
DECLINED_EARLY, DECLINED_LATE = "declined-early", "declined-late"

COUNTS = {Channel.EVENT: 22, Channel.WARM: 44, Channel.COLD: 46}
# Shares of how far the approaches of a channel got; agreements: cold 8 %, warm 40 %, event 25 %.
# fmt: off
FATES = {
    Channel.COLD: {S.COMPLETED: .02, S.ACTIVE: .03, S.AGREEMENT: .03, S.CONVERSATION: .10, DECLINED_LATE: .07, DECLINED_EARLY: .32, S.APPROACHED: .25, S.RESEARCHED: .12, S.IDENTIFIED: .06},
    Channel.WARM: {S.COMPLETED: .10, S.ACTIVE: .14, S.AGREEMENT: .16, S.CONVERSATION: .18, DECLINED_LATE: .10, DECLINED_EARLY: .06, S.APPROACHED: .14, S.RESEARCHED: .08, S.IDENTIFIED: .04},
    Channel.EVENT: {S.COMPLETED: .05, S.ACTIVE: .08, S.AGREEMENT: .12, S.CONVERSATION: .20, DECLINED_LATE: .12, DECLINED_EARLY: .15, S.APPROACHED: .28},
}
# fmt: on
REC_AGREEMENT_SHARE = 0.5  # cooperations, and conversations that became agreements later
# Days from the stage before to this one.
GAPS = {
    S.RESEARCHED: (2, 12),
    S.APPROACHED: (3, 21),
    S.CONVERSATION: (7, 35),
    S.AGREEMENT: (10, 40),
    S.ACTIVE: (14, 45),
    S.COMPLETED: (60, 140),
    S.DECLINED: (7, 35),
}
COLD_CONVERSATION_GAP = (14, 45)
# When companies of each fate entered the pipeline (they start earlier where their chain
# would not fit before the reference date).
WINDOWS = {
    S.COMPLETED: (EARLIEST, date(2026, 4, 15)),
    S.ACTIVE: (date(2025, 12, 1), date(2026, 7, 31)),
    S.AGREEMENT: (date(2026, 2, 1), date(2026, 9, 10)),
    S.CONVERSATION: (date(2026, 3, 1), date(2026, 10, 5)),
    DECLINED_EARLY: (date(2025, 12, 1), date(2026, 9, 30)),
    DECLINED_LATE: (date(2025, 12, 1), date(2026, 9, 20)),
    S.APPROACHED: (date(2026, 4, 1), date(2026, 10, 20)),
    S.RESEARCHED: (date(2026, 9, 15), date(2026, 10, 26)),
    S.IDENTIFIED: (date(2026, 10, 5), date(2026, 10, 29)),
}
OWNERS = {"TraM": {Role.STAFF: 7, Role.LEAD: 3}, "FluGs": {Role.LEAD: 6, Role.STAFF: 4}}
TEAM_USERS = {LEAD_KEY: Role.LEAD, ACQUISITION_KEY: Role.STAFF}
FAIR_TAG = "Messe-Kontakt 2026"


def acquisition_plan(
    *, seed: int, contacts: ContactsPlan, network: NetworkPlan, ties: Sequence[PersonTie]
) -> AcquisitionPlan:
    """The approaches with their history; each part draws from its own random stream."""

    def stream(name: str) -> random.Random:
        return random.Random(f"{seed}:acquisition:{name}")

    index = DemoIndex.build(
        organisations=contacts.organisations, persons=contacts.persons, team=network.team
    )
    builder = _Builder(index=index, network=network, ties=ties, stream=stream)
    approaches = [
        *builder.recommended(stream("recommendations")),
        *builder.met_at_events(stream("events")),
        *builder.warm(stream("warm")),
        *builder.cold(stream("cold")),
    ]
    approaches = follow_ups(stream("follow-ups"), approaches)
    approaches.sort(key=lambda approach: (approach.created_at, approach.company))
    return AcquisitionPlan(approaches=tuple(approaches))


def allocate(shares: Mapping[str, float], count: int) -> list[str]:
    """`count` fates in the given shares, rounded by largest remainder; most advanced first."""
    exact = {fate: share * count for fate, share in shares.items()}
    counts = {fate: int(value) for fate, value in exact.items()}
    rest = sorted(exact, key=lambda fate: counts[fate] - exact[fate])
    for fate in rest[: count - sum(counts.values())]:
        counts[fate] += 1
    return [fate for fate in shares for _ in range(counts[fate])]


def path_of(fate: str) -> list[str]:
    if fate == DECLINED_EARLY:
        return [S.IDENTIFIED, S.RESEARCHED, S.APPROACHED, S.DECLINED]
    if fate == DECLINED_LATE:
        return [S.IDENTIFIED, S.RESEARCHED, S.APPROACHED, S.CONVERSATION, S.DECLINED]
    return list(PROGRESS[: PROGRESS.index(fate) + 1])


class _Builder(ApproachBuilder):
    def __init__(
        self,
        *,
        index: DemoIndex,
        network: NetworkPlan,
        ties: Sequence[PersonTie],
        stream: Callable[[str], random.Random],
    ):
        self.index = index
        self.network = network
        self.stream = stream
        self.ties_of: dict[str, list[PersonTie]] = {}
        for tie in ties:
            self.ties_of.setdefault(tie.first, []).append(tie)
            self.ties_of.setdefault(tie.second, []).append(tie)
        self.used: set[str] = set()
        self.details = stream("details")

    # --- the channels ------------------------------------------------------------------------

    def recommended(self, rng: random.Random) -> list[ApproachSpec]:
        found = []
        for spec in sorted(self.network.recommendations, key=lambda spec: spec.date):
            company = self._recommended_company(spec)
            if company is None or company in self.used:
                continue
            self.used.add(company)
            found.append((spec, company))
        cooperations = sum(spec.outcome == Outcome.COOPERATION for spec, _ in found)
        later = sorted(
            company
            for spec, company in found
            if spec.outcome == Outcome.CONVERSATION
            and spec.outcome_date <= LAST_WORKDAY - timedelta(days=30)
        )
        wanted = max(0, round(REC_AGREEMENT_SHARE * len(found)) - cooperations)
        agreed_later = set(rng.sample(later, min(wanted, len(later))))
        approaches = []
        for spec, company in found:
            contact = self._recommended_contact(spec, company)
            kinds, days = self._recommendation_days(rng, spec, agreed=company in agreed_later)
            owner = next(
                (TEAM_USERS[key] for key in (spec.recipient, spec.subject) if key in TEAM_USERS),
                spec.recorded_by,
            )
            approaches.append(
                self._approach(
                    rng,
                    company=company,
                    channel=Channel.RECOMMENDATION,
                    owner=owner,
                    contact=contact,
                    introducer=spec.recommender,
                    kinds=kinds,
                    days=days,
                )
            )
        return approaches

    def met_at_events(self, rng: random.Random) -> list[ApproachSpec]:
        """Companies met at the fair, and those whose person met a colleague at an event."""
        met: dict[str, tuple[date, str, str]] = {}  # company → day, person, where
        for company in self._free_companies():
            if FAIR_TAG in self.index.organisations[company].tags:
                met[company] = (content.FAIR_DAY, self._some_contact(rng, company), content.FAIR)
                continue
            if self.network.access.get(company) != Access.TEAM:
                continue
            for person in self.index.staff[company]:
                for tie in self.ties_of.get(person, ()):
                    other = tie.second if tie.first == person else tie.first
                    if (
                        tie.kind == TieKind.MET_AT_EVENT
                        and other in self.index.team
                        and tie.since is not None
                        and EARLIEST <= tie.since < LAST_WORKDAY - timedelta(days=20)
                    ):
                        met.setdefault(company, (tie.since, person, ""))
        chosen = sorted(rng.sample(sorted(met), min(COUNTS[Channel.EVENT], len(met))))
        self.used.update(chosen)
        fates = allocate(FATES[Channel.EVENT], len(chosen))
        # The earliest met get the fates that take longest, give or take a little.
        order = sorted(chosen, key=lambda company: (met[company][0], rng.random()))
        ranked = sorted(
            fates, key=lambda fate: list(FATES[Channel.EVENT]).index(fate) + rng.uniform(0, 3)
        )
        approaches = []
        for company, fate in zip(order, ranked, strict=True):
            day, contact, where = met[company]
            kinds = path_of(fate)
            days = chain(rng, start=day, gaps=self._gaps(kinds, Channel.EVENT), fixed_start=True)
            approaches.append(
                self._approach(
                    rng,
                    company=company,
                    channel=Channel.EVENT,
                    owner=self._owner(rng, company),
                    contact=contact,
                    introducer="",
                    kinds=kinds,
                    days=days,
                    met=(day, where),
                )
            )
        return approaches

    def warm(self, rng: random.Random) -> list[ApproachSpec]:
        introductions = {}
        for company in self._free_companies():
            if self.network.access.get(company) == Access.WARM:
                found = self._introduction(company)
                if found is not None:
                    introductions[company] = found
        chosen = rng.sample(sorted(introductions), min(COUNTS[Channel.WARM], len(introductions)))
        fates = allocate(FATES[Channel.WARM], len(chosen))
        approaches = []
        for company, fate in zip(chosen, fates, strict=True):
            self.used.add(company)
            contact, introducer = introductions[company]
            approaches.append(
                self._by_fate(
                    rng, company, Channel.WARM, fate, contact=contact, introducer=introducer
                )
            )
        return approaches

    def cold(self, rng: random.Random) -> list[ApproachSpec]:
        unknown = (Access.COLD, Access.UNASKED, Access.BLOCKED, Access.SECOND_HAND)
        candidates = [c for c in self._free_companies() if self.network.access.get(c) in unknown]
        chosen = rng.sample(candidates, min(COUNTS[Channel.COLD], len(candidates)))
        fates = allocate(FATES[Channel.COLD], len(chosen))
        approaches = []
        for company, fate in zip(chosen, fates, strict=True):
            self.used.add(company)
            contact = self._some_contact(rng, company)
            approaches.append(self._by_fate(rng, company, Channel.COLD, fate, contact=contact))
        return approaches

    # --- who and when ------------------------------------------------------------------------

    def _free_companies(self) -> list[str]:
        return [c for c in self.index.companies() if c not in self.used and self.index.staff.get(c)]

    def _recommended_company(self, spec: RecommendationSpec) -> str | None:
        for key in (spec.subject, spec.recipient):
            if key in self.index.organisations:
                company = key
            elif key in self.index.persons:
                company = self.index.employer[key]
            else:
                continue
            if self.index.kind(company) == Kind.COMPANY and self.index.staff.get(company):
                return company
        return None

    def _recommended_contact(self, spec: RecommendationSpec, company: str) -> str:
        staff = self.index.staff[company]
        if spec.recipient in staff:
            return spec.recipient
        known = [person for person in staff if self._tie(spec.recommender, person)]
        return known[0] if known else staff[0]

    def _introduction(self, company: str) -> tuple[str, str] | None:
        """The company's person and the partner's person who knows them best: one who agreed
        to open doors before one not asked yet, then the latest contact."""
        best, best_key = None, None
        for person in self.index.staff[company]:
            for tie in self.ties_of.get(person, ()):
                partner = tie.second if tie.first == person else tie.first
                employer = self.index.employer.get(partner)
                if (
                    tie.kind != TieKind.KNOWS
                    or employer is None
                    or self.index.kind(employer) == Kind.COMPANY
                    or employer == self.index.own_organisation
                ):
                    continue
                word = self.network.door_openers.get(partner, DoorOpener.NOT_ASKED)
                if word == DoorOpener.UNWILLING:
                    continue
                key = (word == DoorOpener.WILLING, tie.last_contact or date.min, partner)
                if best_key is None or key > best_key:
                    best, best_key = (person, partner), key
        return best

    def _tie(self, first: str, second: str) -> PersonTie | None:
        for tie in self.ties_of.get(first, ()):
            if second in (tie.first, tie.second):
                return tie
        return None

    def _some_contact(self, rng: random.Random, company: str) -> str:
        staff = self.index.staff[company]
        return staff[0] if len(staff) == 1 or rng.random() < 0.6 else rng.choice(staff[1:])

    def _owner(self, rng: random.Random, company: str) -> Role:
        weights = OWNERS[self.index.project(company)]
        (owner,) = rng.choices(list(weights), weights=list(weights.values()))
        return owner

    def _gaps(self, kinds: Sequence[str], channel: str) -> list[tuple[int, int]]:
        return [
            COLD_CONVERSATION_GAP
            if kind == S.CONVERSATION and channel == Channel.COLD
            else GAPS[kind]
            for kind in kinds[1:]
        ]

    def _by_fate(
        self,
        rng: random.Random,
        company: str,
        channel: str,
        fate: str,
        *,
        contact: str,
        introducer: str = "",
    ) -> ApproachSpec:
        kinds = path_of(fate)
        start = day_between(rng, *WINDOWS[fate])
        days = chain(rng, start=start, gaps=self._gaps(kinds, channel))
        return self._approach(
            rng,
            company=company,
            channel=channel,
            owner=self._owner(rng, company),
            contact=contact,
            introducer=introducer,
            kinds=kinds,
            days=days,
        )

    def _recommendation_days(
        self, rng: random.Random, spec: RecommendationSpec, *, agreed: bool
    ) -> tuple[list[str], list[date]]:
        """The stages as the recommendation's outcome tells: see the module docstring."""
        start = workday(spec.date)
        outcome_day = workday(spec.outcome_date) if spec.outcome_date else None
        researched = workday(start + timedelta(days=rng.randint(1, 4)))
        approached = workday(researched + timedelta(days=rng.randint(1, 6)))
        if outcome_day is not None:
            approached = min(approached, outcome_day)
        kinds, days = [S.IDENTIFIED, S.RESEARCHED, S.APPROACHED], [start, researched, approached]
        if spec.outcome == Outcome.OPEN or outcome_day is None:
            age = (LAST_WORKDAY - start).days
            cut = 3 if age >= 21 else 2 if age >= 7 else 1
            return kinds[:cut], days[:cut]
        if spec.outcome == Outcome.DECLINED:
            if rng.random() < 0.4 and (outcome_day - approached).days > 14:
                kinds.append(S.CONVERSATION)
                days.append(workday(approached + timedelta(days=rng.randint(5, 10))))
            return [*kinds, S.DECLINED], [*days, outcome_day]
        if spec.outcome == Outcome.COOPERATION:
            before = outcome_day - timedelta(days=rng.randint(5, 15))
            kinds += [S.CONVERSATION, S.AGREEMENT]
            days += [max(approached, workday(before)), outcome_day]
        else:
            kinds.append(S.CONVERSATION)
            days.append(outcome_day)
            if agreed:
                kinds.append(S.AGREEMENT)
                days.append(workday(outcome_day + timedelta(days=rng.randint(14, 30))))
        if days[-1] + timedelta(days=45) <= LAST_WORKDAY and rng.random() < 0.7:
            kinds.append(S.ACTIVE)
            days.append(workday(days[-1] + timedelta(days=rng.randint(14, 45))))
            if days[-1] + timedelta(days=100) <= LAST_WORKDAY and rng.random() < 0.6:
                kinds.append(S.COMPLETED)
                days.append(workday(days[-1] + timedelta(days=rng.randint(60, 100))))
        return kinds, [max(days[: i + 1]) for i in range(len(days))]
