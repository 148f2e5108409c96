import pytest
from django.core.cache import cache

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.surveys import AnswerData, survey_create, survey_submit
from tests.factories import EmailAddressFactory, OrganisationFactory, PersonFactory


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The throttle counts in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def respondent(workspace):
    person = PersonFactory(workspace=workspace, first_name="Petra", last_name="Schulz")
    EmailAddressFactory(person=person, workspace=workspace, address="schulz@ihk.example")
    return person


@pytest.fixture
def sent(scope, respondent):
    """A survey sent to the respondent: (survey, raw token)."""
    return survey_create(scope=scope, respondent=respondent, message="Bitte bis Freitag.")


@pytest.fixture
def organisation(workspace):
    return OrganisationFactory(workspace=workspace, name="Metallbau Müller GmbH", city="Gifhorn")


@pytest.fixture
def answered(sent, organisation):
    """The survey answered with a known organisation (closeness 4) and a free entry (2)."""
    survey, _token = sent
    known, free = survey_submit(
        survey=survey,
        answers=[
            AnswerData(closeness=4, organisation_id=organisation.pk, note="Ausbildungsverbund"),
            AnswerData(closeness=2, organisation_name="Tischlerei Krause", city="Wolfsburg"),
        ],
    )
    return survey, known, free


@pytest.fixture
def lead_scope(workspace, lead):
    return Scope(workspace=workspace, role=Role.LEAD, user=lead)


@pytest.fixture
def partner_scope(workspace, partner):
    return Scope(workspace=workspace, role=Role.PARTNER, user=partner)
