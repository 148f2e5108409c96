"""One approach in detail: its needs and dossier, the measures offered and agreed, its
activities with their participants, and the benefit statement rendered from the project's
template."""

import random
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta

from netzwerkstatt.acquisition import benefit_text
from netzwerkstatt.acquisition.enums import ActivityKind, DecisionRole, StageKind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.demo.network.index import DemoIndex
from netzwerkstatt.demo.roles import HR_DEPARTMENT, WORKS_COUNCIL
from netzwerkstatt.demo.specs import OrganisationSpec, PersonSpec

from . import content
from .dates import LAST_WORKDAY, day_between, moments, workday
from .specs import (
    ActivitySpec,
    AgreementSpec,
    ApproachSpec,
    DossierSpec,
    Move,
    PersonTie,
    ResearchNoteSpec,
)

S = StageKind
CLOSED = (S.COMPLETED, S.DECLINED)


class ApproachBuilder:
    """The parts of the plan builder that work out one approach; needs `index` and `ties_of`."""

    index: DemoIndex
    ties_of: dict[str, list[PersonTie]]

    def _approach(
        self,
        rng: random.Random,
        *,
        company: str,
        channel: str,
        owner: Role,
        contact: str,
        introducer: str,
        kinds: Sequence[str],
        days: Sequence[date],
        met: tuple[date, str] | None = None,
    ) -> ApproachSpec:
        organisation = self.index.organisations[company]
        project = self.index.project(company)
        at = dict(zip(kinds, moments(rng, days), strict=True))
        needs = self._needs(rng, organisation, project)
        offer = _offer(project, needs)
        reached = set(kinds)
        dossier = None
        if S.RESEARCHED in reached:
            dossier = self._dossier(
                rng, organisation=organisation, project=project, needs=needs, at=at, contact=contact
            )
        agreements = ()
        if S.AGREEMENT in reached:
            agreements = self._agreements(rng, organisation, offer, at)
        closing_note = rng.choice(content.CLOSING_NOTES) if S.DECLINED in reached else ""
        words = {
            "kontakt": self._name(contact),
            "einfuehrung": self._introducer_text(introducer),
            "projekt": project,
            "massnahme": offer[0],
            "massnahmen": benefit_text.join_german(a.measure for a in agreements),
            "bedarf": needs[0],
        }
        activities = self._activities(
            rng,
            company=company,
            channel=channel,
            contact=contact,
            at=at,
            words=words,
            closing_note=closing_note,
            met=met,
        )
        statement = ""
        if S.APPROACHED in reached:
            statement = self._statement(
                organisation=organisation,
                project=project,
                contact=contact,
                introducer=introducer,
                needs=needs,
                offer=offer,
                dossier=dossier,
            )
        last = kinds[-1]
        return ApproachSpec(
            company=company,
            project=project,
            channel=channel,
            owner=owner,
            contact=contact,
            introducer=introducer,
            moves=tuple(Move(kind=kind, at=at[kind]) for kind in kinds),
            benefit_statement=statement,
            next_step="" if last in CLOSED else content.NEXT_STEPS[last],
            closing_note=closing_note,
            dossier=dossier,
            agreements=agreements,
            activities=activities,
        )

    def _needs(self, rng: random.Random, organisation: OrganisationSpec, project: str) -> list[str]:
        """The company's needs its tags and notes point at, topped up from the project's themes;
        only needs a measure of the project answers."""
        answered = {need for measure in content.MEASURES[project] for need in measure.needs}
        found = [
            content.NEEDS_BY_TAG[tag] for tag in organisation.tags if tag in content.NEEDS_BY_TAG
        ]
        found += [need for word, need in content.NEEDS_BY_WORD if word in organisation.notes]
        needs = [need for need in dict.fromkeys(found) if need in answered]
        wanted = rng.randint(1, 3)
        others = [need for need in content.PROJECT_NEEDS[project] if need not in needs]
        needs += rng.sample(others, max(0, wanted - len(needs)))
        return needs[: max(wanted, 1)]

    def _dossier(
        self,
        rng: random.Random,
        *,
        organisation: OrganisationSpec,
        project: str,
        needs: Sequence[str],
        at: Mapping[str, datetime],
        contact: str,
    ) -> DossierSpec:
        first, researched = at[S.IDENTIFIED].date(), at[S.RESEARCHED].date()
        templates = rng.sample(
            content.RESEARCH_NOTES, 3 if S.CONVERSATION in at else rng.randint(1, 2)
        )
        notes = []
        for number, (text, source) in enumerate(templates):
            day = day_between(rng, first, researched)
            if number == 2:  # prepared for the conversation
                day = day_between(rng, researched, at[S.CONVERSATION].date())
            words = {
                "stelle": rng.choice(content.JOBS[project]),
                "stellen": rng.randint(2, 9),
                "website": organisation.website or f"www.{organisation.domain}",
                "ort": organisation.place.town.name,
                "monat": f"{day.month}/{day.year}",
            }
            notes.append(ResearchNoteSpec(text.format(**words), source.format(**words), day))
        identified = tuple((need, content.EVIDENCE[need]) for need in needs)
        if S.CONVERSATION not in at:
            return DossierSpec(notes=tuple(notes), needs=identified)
        share = (28, 55) if project == "TraM" else (15, 40)
        return DossierSpec(
            notes=tuple(notes),
            needs=identified,
            decision_makers=self._decision_makers(organisation.key, contact),
            situation=organisation.notes or rng.choice(content.SITUATIONS[project]),
            share_50_plus=rng.randint(*share) if rng.random() < 0.8 else None,
            open_positions=rng.randint(0, 6) if rng.random() < 0.7 else None,
            recent_events=rng.choice(content.RECENT_EVENTS),
        )

    def _decision_makers(self, company: str, contact: str) -> tuple[tuple[str, str, str], ...]:
        staff = self.index.staff[company]
        makers = [(staff[0], DecisionRole.DECIDER, "")]
        if contact != staff[0]:
            makers.append((contact, DecisionRole.DOOR_OPENER, "Erste Ansprechperson"))
        for person in staff[1:]:
            department = self.index.persons[person].functions[0].department
            if person == contact or len(makers) == 4:
                continue
            if department == HR_DEPARTMENT:
                makers.append((person, DecisionRole.INFLUENCER, "Personal"))
            elif department == WORKS_COUNCIL:
                makers.append((person, DecisionRole.WORKS_COUNCIL, ""))
        return tuple(makers)

    def _agreements(
        self,
        rng: random.Random,
        organisation: OrganisationSpec,
        offer: Sequence[str],
        at: Mapping[str, datetime],
    ) -> tuple[AgreementSpec, ...]:
        agreed_on = at[S.AGREEMENT].date()
        measures = offer[: 2 if len(offer) > 1 and rng.random() < 0.35 else 1]
        agreements = []
        for number, measure in enumerate(measures):
            delivered = None
            if S.COMPLETED in at:
                delivered = max(
                    agreed_on, at[S.COMPLETED].date() - timedelta(days=rng.randint(0, 10))
                )
            elif S.ACTIVE in at and number == 0 and rng.random() < 0.3:
                delivered = day_between(rng, at[S.ACTIVE].date(), LAST_WORKDAY)
            employees = organisation.employee_count or 10
            agreements.append(
                AgreementSpec(
                    measure=measure,
                    agreed_on=agreed_on,
                    delivered_on=delivered,
                    participants=min(employees, rng.randint(2, 16)) if delivered else None,
                )
            )
        return tuple(agreements)

    def _activities(
        self,
        rng: random.Random,
        *,
        company: str,
        channel: str,
        contact: str,
        at: Mapping[str, datetime],
        words: Mapping[str, str],
        closing_note: str,
        met: tuple[date, str] | None,
    ) -> tuple[ActivitySpec, ...]:
        staff = self.index.staff[company]
        others = [person for person in staff if person != contact]
        second = others[:1]
        entries: list[tuple[str, date, list[str], str, str]] = []
        if met is not None:
            day, where = met
            summary = (
                f"Gespräch mit {words['kontakt']} am Stand auf der {where}."
                if where
                else f"Mit {words['kontakt']} auf einer Netzwerkveranstaltung ins Gespräch gekommen."
            )
            entries.append(
                (
                    ActivityKind.EVENT_CONTACT,
                    day,
                    [contact],
                    summary,
                    f"Interesse an {words['projekt']}.",
                )
            )
        if S.APPROACHED in at:
            kind, summary, outcome = rng.choice(content.FIRST_CONTACT[channel])
            day = at[S.APPROACHED].date()
            entries.append((kind, day, [contact], summary.format(**words), outcome))
            following = next((at[k].date() for k in (S.CONVERSATION, S.DECLINED) if k in at), None)
            gap = ((following or LAST_WORKDAY) - day).days
            if gap >= 14 and rng.random() < 0.7:
                chase = workday(day + timedelta(days=round(gap * rng.uniform(0.4, 0.8))))
                if chase > day and (following is None or chase < following):
                    kind, summary, outcome = content.CHASE
                    entries.append((kind, chase, [contact], summary.format(**words), outcome))
        if S.CONVERSATION in at:
            summary = rng.choice(content.CONVERSATION).format(**words)
            outcome = content.CONVERSATION_OUTCOME.format(**words)
            entries.append(
                (
                    ActivityKind.MEETING,
                    at[S.CONVERSATION].date(),
                    [contact, *second],
                    summary,
                    outcome,
                )
            )
        if S.AGREEMENT in at:
            summary, outcome = content.AGREEMENT
            agreed = {**words, "massnahme": words["massnahmen"]}
            entries.append(
                (
                    ActivityKind.EMAIL,
                    at[S.AGREEMENT].date(),
                    [contact],
                    summary.format(**agreed),
                    outcome.format(**agreed),
                )
            )
        if S.ACTIVE in at:
            summary, outcome = content.ACTIVE
            entries.append(
                (
                    ActivityKind.MEETING,
                    at[S.ACTIVE].date(),
                    [contact, *others[:2]],
                    summary.format(**words),
                    outcome,
                )
            )
        if S.COMPLETED in at:
            summary, outcome = content.COMPLETED
            entries.append(
                (
                    ActivityKind.MEETING,
                    at[S.COMPLETED].date(),
                    [contact, *second],
                    summary.format(**words),
                    outcome,
                )
            )
        if S.DECLINED in at:
            summary = f"{rng.choice(content.DECLINE).format(**words)} {closing_note}"
            kind = rng.choice((ActivityKind.CALL, ActivityKind.EMAIL))
            entries.append((kind, at[S.DECLINED].date(), [contact], summary, "Absage"))
        entries.sort(key=lambda entry: entry[1])
        activities = []
        for number, (kind, day, persons, summary, outcome) in enumerate(entries):
            follow_up, done = None, None
            if number + 1 < len(entries) and rng.random() < 0.6:
                follow_up = entries[number + 1][1]
                done = datetime.combine(follow_up, time(rng.randint(9, 17)))
            activities.append(
                ActivitySpec(
                    kind=kind,
                    day=day,
                    participants=self._participants(day, persons),
                    summary=summary,
                    outcome=outcome,
                    follow_up_on=follow_up,
                    follow_up_done_at=done,
                )
            )
        return tuple(activities)

    def _participants(self, day: date, candidates: Sequence[str]) -> tuple[str, ...]:
        """Those of the candidates whose ties among each other and to the team had a last
        contact on `day` or later: logging the activity changes no tie."""
        team = set(self.index.team_on(day))
        chosen: list[str] = []
        for person in dict.fromkeys(candidates):
            touched = [
                tie
                for tie in self.ties_of.get(person, ())
                if ({tie.first, tie.second} - {person}) & (team | set(chosen))
            ]
            if all(tie.last_contact is not None and tie.last_contact >= day for tie in touched):
                chosen.append(person)
        return tuple(chosen)

    # --- words -------------------------------------------------------------------------------

    def _name(self, person: str) -> str:
        spec = self.index.persons[person]
        return " ".join(part for part in (spec.title, spec.first_name, spec.last_name) if part)

    def _introducer_text(self, person: str) -> str:
        if not person:
            return ""
        employer = self.index.organisations[self.index.employer[person]]
        return f"{self._name(person)} ({employer.name})"

    def _statement(
        self,
        *,
        organisation: OrganisationSpec,
        project: str,
        contact: str,
        introducer: str,
        needs: Sequence[str],
        offer: Sequence[str],
        dossier: DossierSpec | None,
    ) -> str:
        person: PersonSpec = self.index.persons[contact]
        facts = {
            "firma": organisation.name,
            "anrede": benefit_text.salutation_phrase(
                salutation=person.salutation,
                title=person.title,
                first_name=person.first_name,
                last_name=person.last_name,
            ),
            "ansprechperson": self._name(contact),
            "ort": organisation.place.town.name,
            "projekt": project,
            "bedarfe": list(needs),
            "massnahmen": list(offer),
            "einfuehrung": self._introducer_text(introducer),
        }
        if dossier is not None:
            facts.update(
                lage=benefit_text.as_sentence(dossier.situation),
                anteil_50plus=benefit_text.share_phrase(dossier.share_50_plus),
                offene_stellen=benefit_text.positions_phrase(dossier.open_positions),
            )
        return benefit_text.render(content.BENEFIT_TEMPLATES[project], facts)


def _offer(project: str, needs: Sequence[str]) -> list[str]:
    """The project's measures that answer most of the needs, best first (at least one)."""
    measures = content.MEASURES[project]
    ranked = sorted(
        measures,
        key=lambda measure: (
            -len(set(measure.needs) & set(needs)),
            min((needs.index(n) for n in measure.needs if n in needs), default=99),
            measures.index(measure),
        ),
    )
    answering = [m.name for m in ranked if set(m.needs) & set(needs)]
    return answering[:2] or [ranked[0].name]
