import datetime as dt
from dataclasses import dataclass

import pytest

from netzwerkstatt.contacts.enums import DoorOpener, OrganisationKind
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.models import TeamMember
from tests.factories import (
    FunctionFactory,
    OrganisationFactory,
    PersonFactory,
    TeamMemberFactory,
    TieFactory,
)


@pytest.fixture
def partner_scope(workspace, partner):
    return Scope(workspace=workspace, role=Role.PARTNER, user=partner)


@dataclass
class Introduction:
    """The staff member's person → Herr Meyer (IG Metall) → Frau Schulz, Geschäftsführung at Firma X."""

    you: TeamMember
    colleague: TeamMember
    meyer: Person
    union: Organisation
    schulz: Person
    company: Organisation


@pytest.fixture
def introduction(workspace, staff) -> Introduction:
    you = TeamMemberFactory(
        workspace=workspace,
        user=staff,
        person__first_name="Eva",
        person__last_name="Team",
        person__salutation="ms",
    )
    colleague = TeamMemberFactory(
        workspace=workspace, person__first_name="Kai", person__last_name="Kollege"
    )
    union = OrganisationFactory(
        workspace=workspace, name="IG Metall", kind=OrganisationKind.UNION, is_shared=True
    )
    company = OrganisationFactory(
        workspace=workspace, name="Metallbau Müller GmbH", kind=OrganisationKind.COMPANY
    )
    meyer = PersonFactory(
        workspace=workspace, salutation="mr", first_name="Jan", last_name="Meyer", is_shared=True
    )
    schulz = PersonFactory(
        workspace=workspace,
        salutation="ms",
        first_name="Anna",
        last_name="Schulz",
        door_opener=DoorOpener.WILLING,
    )
    FunctionFactory(workspace=workspace, person=meyer, organisation=union, role="Sekretär")
    FunctionFactory(
        workspace=workspace, person=schulz, organisation=company, role="Geschäftsführung"
    )
    TieFactory(
        workspace=workspace,
        source_person=you.person,
        target_person=meyer,
        strength=4,
        trust=4,
        since=dt.date(2019, 4, 1),
        last_contact=dt.date.today(),
    )
    TieFactory(
        workspace=workspace,
        source_person=meyer,
        target_person=schulz,
        strength=3,
        since=dt.date(2021, 9, 1),
        last_contact=dt.date.today(),
    )
    # A weaker way over the colleague.
    TieFactory(
        workspace=workspace,
        source_person=colleague.person,
        target_person=schulz,
        strength=1,
        last_contact=dt.date(2016, 1, 1),
    )
    return Introduction(you, colleague, meyer, union, schulz, company)
