"""A workshop to plan: participants from organisations of several kinds, in one workspace."""

import datetime

import pytest
from django.utils import timezone

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.enums import InvitationStatus
from tests.factories import (
    EventFactory,
    FunctionFactory,
    InvitationFactory,
    OrganisationFactory,
    PersonFactory,
)

KINDS = [
    OrganisationKind.COMPANY,
    OrganisationKind.COMPANY,
    OrganisationKind.CHAMBER,
    OrganisationKind.UNION,
    OrganisationKind.EDUCATION_PROVIDER,
    OrganisationKind.EMPLOYMENT_AGENCY,
]


def register(event, *, organisation=None, last_name=None, **fields):
    """A registered participant of the event, working at `organisation` if given."""
    person = PersonFactory(
        workspace=event.workspace, **({"last_name": last_name} if last_name else {})
    )
    if organisation is not None:
        FunctionFactory(workspace=event.workspace, person=person, organisation=organisation)
    return InvitationFactory(
        event=event,
        person=person,
        status=InvitationStatus.REGISTERED,
        registered_at=timezone.now(),
        **fields,
    )


@pytest.fixture
def lead_scope(workspace, lead):
    return Scope(workspace=workspace, role=Role.LEAD, user=lead)


@pytest.fixture
def organisations(workspace):
    return [
        OrganisationFactory(workspace=workspace, name=f"Organisation {number}", kind=kind)
        for number, kind in enumerate(KINDS, start=1)
    ]


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Reflexionsworkshop Netzwerke")


@pytest.fixture
def participants(event, organisations):
    """Twelve participants, two from each of six organisations."""
    return [
        register(event, organisation=organisations[number % 6], last_name=f"Teilnehmer{number:02d}")
        for number in range(12)
    ]


@pytest.fixture
def past_event(workspace):
    start = timezone.now() - datetime.timedelta(days=3)
    return EventFactory(
        workspace=workspace, starts_at=start, ends_at=start + datetime.timedelta(hours=7)
    )
