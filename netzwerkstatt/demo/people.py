"""About 900 invented persons at the demo's organisations, with functions and contact details.

Names come from Faker de_DE and the salutation follows the first name's gender.
Some persons hold a second function: an earlier position (ended), or a seat in a
chamber, an employers' association or their union beside their job.
"""

import random
from collections.abc import Sequence
from datetime import date, timedelta

from faker import Faker

from netzwerkstatt.contacts.enums import EmailKind, PhoneKind, Salutation, SizeClass
from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.contacts.services import EmailData, PhoneData

from .fictional import (
    EMAIL_STYLES,
    email_address,
    extension_number,
    first_name,
    mobile_number,
    private_email_address,
    surname,
)
from .german import gendered
from .roles import (
    ELECTRICAL_TRADE,
    HONORARY,
    MANUFACTURING,
    TRADES,
    WORKS_COUNCIL,
    Position,
    female_share,
    staff_pool,
    staff_positions,
)
from .specs import REFERENCE_DATE, FunctionSpec, OrganisationSpec, PersonSpec

YEAR = 365
HEAD_YEARS = (2, 28)  # how long ago heads took office, at least and at most
STAFF_YEARS = (0, 15)
SIDE_FUNCTION_YEARS = (1, 8)
SECOND_FUNCTION_SHARE = 0.15
PROMOTION_SHARE = 0.5  # of earlier positions, those in the same organisation
HEAD_MOBILE_SHARE = 0.7
STAFF_MOBILE_SHARE = 0.4
PRIVATE_EMAIL_SHARE = 0.1
NEWSLETTER_SHARE = 0.3
PROJECT_TAG_SHARE = 0.4
MULTIPLIER_SHARE = 0.4
REMARK_SHARE = 0.08
TECHNICAL_DEPARTMENTS = ("Produktion", "Technik", "Fertigung", "Qualitätssicherung", "Montage")
PERSON_REMARKS = (
    "Bevorzugt Kontakt per E-Mail.",
    "Am besten vormittags telefonisch erreichbar.",
    "Ist dienstags und donnerstags im Haus.",
    "Spricht gern über Ausbildung und Nachwuchs.",
    "Bitte nicht auf dem Handy anrufen.",
    "Hat die Projektleitung beim Unternehmerfrühstück kennengelernt.",
    "Vertretung im Urlaub: Sekretariat der Geschäftsführung.",
    "Engagiert sich im Arbeitskreis Personal der Region.",
)


def people_build(
    *, rng: random.Random, faker: Faker, organisations: Sequence[OrganisationSpec]
) -> list[PersonSpec]:
    return _PeopleBuilder(rng=rng, faker=faker, organisations=organisations).build()


class _PeopleBuilder:
    def __init__(
        self, *, rng: random.Random, faker: Faker, organisations: Sequence[OrganisationSpec]
    ):
        self.rng = rng
        self.faker = faker
        self.organisations = organisations
        self.by_kind: dict[Kind, list[OrganisationSpec]] = {}
        for organisation in organisations:
            self.by_kind.setdefault(organisation.kind, []).append(organisation)
        self.taken_emails: set[str] = set()

    def build(self) -> list[PersonSpec]:
        persons: list[PersonSpec] = []
        for organisation in self.organisations:
            email_style = self.rng.choice(EMAIL_STYLES)
            positions = staff_positions(rng=self.rng, organisation=organisation)
            for index, position in enumerate(positions):
                person = self._person(
                    key=f"person-{len(persons) + 1:04d}",
                    organisation=organisation,
                    position=position,
                    is_head=index == 0,
                    email_style=email_style,
                )
                persons.append(person)
        return persons

    def _person(
        self,
        *,
        key: str,
        organisation: OrganisationSpec,
        position: Position,
        is_head: bool,
        email_style: str,
    ) -> PersonSpec:
        female = self.rng.random() < female_share(organisation=organisation, position=position)
        given_name = first_name(self.faker, female=female)
        last_name = surname(self.faker)
        title, department = position
        current = FunctionSpec(
            organisation=organisation.key,
            role=gendered(title, female=female),
            department=department,
            start_date=self._date_before(years=HEAD_YEARS if is_head else STAFF_YEARS),
        )
        return PersonSpec(
            key=key,
            salutation=Salutation.MS if female else Salutation.MR,
            title=self._academic_title(
                organisation=organisation, position=position, is_head=is_head
            ),
            first_name=given_name,
            last_name=last_name,
            functions=(
                current,
                *self._second_function(
                    organisation=organisation, current=current, is_head=is_head, female=female
                ),
            ),
            emails=self._emails(
                organisation=organisation,
                first_name=given_name,
                last_name=last_name,
                style="info" if is_head and _is_micro(organisation) else email_style,
            ),
            phones=self._phones(organisation=organisation, is_head=is_head),
            tags=self._tags(organisation=organisation, is_head=is_head),
            notes=self.rng.choice(PERSON_REMARKS) if self.rng.random() < REMARK_SHARE else "",
            is_shared=organisation.is_shared,
        )

    def _date_before(self, *, years: tuple[int, int], before: date = REFERENCE_DATE) -> date:
        low, high = years
        return before - timedelta(days=self.rng.randint(low * YEAR + 30, high * YEAR))

    def _academic_title(
        self, *, organisation: OrganisationSpec, position: Position, is_head: bool
    ) -> str:
        roll = self.rng.random()
        engineering = organisation.kind == Kind.COMPANY and TRADES[organisation.sector] in (
            MANUFACTURING,
            ELECTRICAL_TRADE,
        )
        if engineering and (is_head or position[1] in TECHNICAL_DEPARTMENTS) and roll < 0.18:
            return "Dipl.-Ing."
        if roll < (0.08 if is_head else 0.02):
            return "Dr."
        return ""

    def _second_function(
        self, *, organisation: OrganisationSpec, current: FunctionSpec, is_head: bool, female: bool
    ) -> tuple[FunctionSpec, ...]:
        if self.rng.random() >= SECOND_FUNCTION_SHARE:
            return ()
        if organisation.kind == Kind.COMPANY and is_head:
            return (
                self._side_function(
                    kinds=(Kind.CHAMBER, Kind.EMPLOYERS_ASSOCIATION), female=female
                ),
            )
        if organisation.kind == Kind.COMPANY and current.department == WORKS_COUNCIL:
            return (self._side_function(kinds=(Kind.UNION,), female=female),)
        return (self._former_function(organisation=organisation, current=current, female=female),)

    def _side_function(self, *, kinds: tuple[Kind, ...], female: bool) -> FunctionSpec:
        """A seat at a partner held beside the job, e.g. in the chamber's examination board."""
        kind = self.rng.choice(kinds)
        title, department = self.rng.choice(HONORARY[kind])
        return FunctionSpec(
            organisation=self.rng.choice(self.by_kind[kind]).key,
            role=gendered(title, female=female),
            department=department,
            start_date=self._date_before(years=SIDE_FUNCTION_YEARS),
        )

    def _former_function(
        self, *, organisation: OrganisationSpec, current: FunctionSpec, female: bool
    ) -> FunctionSpec:
        """An earlier position in the same organisation, or the same position in a similar one."""
        other_positions = [
            position
            for position in staff_pool(organisation)
            if gendered(position[0], female=female) != current.role
        ]
        if other_positions and self.rng.random() < PROMOTION_SHARE:
            former, (title, department) = organisation, self.rng.choice(other_positions)
            end_date = current.start_date - timedelta(days=1)
        else:
            former = self.rng.choice(self._similar(organisation))
            pool = staff_pool(former)
            same = [
                position
                for position in pool
                if gendered(position[0], female=female) == current.role
            ]
            title, department = same[0] if same else self.rng.choice(pool)
            end_date = current.start_date - timedelta(days=self.rng.randint(1, 120))
        return FunctionSpec(
            organisation=former.key,
            role=gendered(title, female=female),
            department=department,
            start_date=self._date_before(years=(2, 10), before=end_date),
            end_date=end_date,
        )

    def _similar(self, organisation: OrganisationSpec) -> list[OrganisationSpec]:
        """Other organisations of the same kind and, for companies, the same trade."""
        return [
            other
            for other in self.by_kind[organisation.kind]
            if other is not organisation
            and (other.kind != Kind.COMPANY or TRADES[other.sector] == TRADES[organisation.sector])
        ]

    def _emails(
        self, *, organisation: OrganisationSpec, first_name: str, last_name: str, style: str
    ) -> tuple[EmailData, ...]:
        work = email_address(
            first_name=first_name, last_name=last_name, domain=organisation.domain, style=style
        )
        emails = [EmailData(address=self._unique(work), kind=EmailKind.WORK)]
        if self.rng.random() < PRIVATE_EMAIL_SHARE:
            private = private_email_address(
                rng=self.rng, first_name=first_name, last_name=last_name
            )
            emails.append(EmailData(address=self._unique(private), kind=EmailKind.PRIVATE))
        return tuple(emails)

    def _unique(self, address: str) -> str:
        """The address, numbered where another person has it already ("k.meyer2@…")."""
        local, domain = address.split("@")
        candidate, number = address, 1
        while candidate in self.taken_emails:
            number += 1
            candidate = f"{local}{number}@{domain}"
        self.taken_emails.add(candidate)
        return candidate

    def _phones(self, *, organisation: OrganisationSpec, is_head: bool) -> tuple[PhoneData, ...]:
        work = PhoneData(
            number=extension_number(rng=self.rng, switchboard=organisation.switchboard),
            kind=PhoneKind.WORK,
        )
        if self.rng.random() < (HEAD_MOBILE_SHARE if is_head else STAFF_MOBILE_SHARE):
            return (work, PhoneData(number=mobile_number(self.rng), kind=PhoneKind.MOBILE))
        return (work,)

    def _tags(self, *, organisation: OrganisationSpec, is_head: bool) -> tuple[str, ...]:
        tags = ["Newsletter"] if self.rng.random() < NEWSLETTER_SHARE else []
        if organisation.kind != Kind.COMPANY:
            return (*tags, *(("Multiplikator/in",) if self.rng.random() < MULTIPLIER_SHARE else ()))
        tags += [
            tag
            for tag in ("TraM", "FluGs")
            if tag in organisation.tags and self.rng.random() < PROJECT_TAG_SHARE
        ]
        if is_head and "Messe-Kontakt 2026" in organisation.tags:
            tags.append("Messe-Kontakt 2026")
        return tuple(tags)


def _is_micro(organisation: OrganisationSpec) -> bool:
    return SizeClass.for_employees(organisation.employee_count) == SizeClass.MICRO
