"""The demo loaded into the database once per module, by the command `make run` calls."""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.utils import timezone

from netzwerkstatt.contacts import selectors
from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import (
    EmailAddress,
    Function,
    Note,
    Organisation,
    Person,
    PhoneNumber,
    Tag,
)
from netzwerkstatt.contacts.selectors import OrganisationFilter, PersonFilter
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.models import ActivityEntry, Membership, Project, User, Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.demo.loader import DEMO_WORKSPACE_SLUG, demo_load
from netzwerkstatt.demo.specs import REFERENCE_DATE
from netzwerkstatt.demo.users import DEMO_PASSWORD, DEMO_USERS

pytestmark = pytest.mark.django_db

DEMO_URL = "http://127.0.0.1:8000/"
DEMO_MODELS = (
    Workspace, User, Membership, Project, Organisation, Person, Function, EmailAddress,
    PhoneNumber, Note, Tag, ActivityEntry,
)  # fmt: skip
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue"}


@dataclass(frozen=True)
class LoadedDemo:
    workspace: Workspace
    output: str

    @property
    def scope(self) -> Scope:
        return Scope.system(self.workspace)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once by `load-demo`, removed again after this module's tests."""
    output = StringIO()
    with django_db_blocker.unblock():
        call_command("load-demo", stdout=output)
        workspace = Workspace.objects.get(slug=DEMO_WORKSPACE_SLUG)
    yield LoadedDemo(workspace=workspace, output=output.getvalue())
    with django_db_blocker.unblock():
        Workspace.objects.filter(slug=DEMO_WORKSPACE_SLUG).delete()
        User.objects.filter(email__in=[user.email for user in DEMO_USERS]).delete()


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in DEMO_MODELS}


def with_umlaut(names):
    return next(name for name in names if any(umlaut in name for umlaut in UMLAUTS))


def spelt_out(text: str) -> str:
    return "".join(UMLAUTS.get(char, char) for char in text)


def test_load_demo_prints_the_address_and_every_login(demo):
    assert "Bildungsverein Nord" in demo.output
    assert DEMO_URL in demo.output
    for user in DEMO_USERS:
        assert user.email in demo.output
    assert demo.output.count(DEMO_PASSWORD) == len(DEMO_USERS)


def test_load_demo_again_changes_nothing_and_still_prints_the_logins(demo):
    before = row_counts()
    output = StringIO()

    call_command("load-demo", stdout=output)

    assert row_counts() == before
    assert DEMO_URL in output.getvalue()
    for user in DEMO_USERS:
        assert f"{user.email}, " in output.getvalue()


def test_load_demo_points_to_the_address_it_is_given(demo):
    output = StringIO()

    call_command("load-demo", "--url", "http://127.0.0.1:8765/", stdout=output)

    assert "http://127.0.0.1:8765/" in output.getvalue()
    assert DEMO_URL not in output.getvalue()


def test_demo_load_of_an_existing_demo_reports_it_exists(demo):
    result = demo_load()

    assert result.created is False
    assert result.workspace == demo.workspace


def test_demo_has_the_promised_numbers(demo):
    organisations = demo.scope.objects(Organisation)
    companies = organisations.filter(kind=OrganisationKind.COMPANY).count()

    assert companies == 300
    assert 55 <= organisations.count() - companies <= 70
    assert 850 <= demo.scope.objects(Person).count() <= 950
    assert set(demo.scope.objects(Project).values_list("name", flat=True)) == {"TraM", "FluGs"}


def test_demo_has_one_user_per_role_who_can_sign_in(demo):
    memberships = Membership.objects.filter(workspace=demo.workspace).select_related("user")

    assert sorted(membership.role for membership in memberships) == sorted(Role.values)
    for membership in memberships:
        assert membership.user.check_password(DEMO_PASSWORD)
        validate_password(DEMO_PASSWORD, membership.user)


def test_demo_every_person_has_a_function(demo):
    assert not demo.scope.objects(Person).filter(functions__isnull=True).exists()


def test_demo_rows_are_valid(demo):
    relations = ["workspace", "person", "organisation", "author"]
    for model in (Organisation, Person, Function, EmailAddress, PhoneNumber, Note):
        for row in demo.scope.objects(model):
            row.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)


def test_demo_sets_search_and_email_keys(demo):
    assert not demo.scope.objects(Organisation).filter(search_key="").exists()
    assert not demo.scope.objects(Person).filter(name_key="").exists()
    for email in demo.scope.objects(EmailAddress):
        assert email.address_key == email.address.lower()


def test_demo_organisations_are_found_by_umlaut_spelling_variants(demo):
    name = with_umlaut(demo.scope.objects(Organisation).values_list("name", flat=True))
    word = with_umlaut(name.split())

    for search in (word, spelt_out(word), word.upper()):
        found = selectors.organisation_list(
            scope=demo.scope, filters=OrganisationFilter(search=search)
        )
        assert name in found.values_list("name", flat=True)


def test_demo_persons_are_found_by_umlaut_spelling_variants(demo):
    last_name = with_umlaut(demo.scope.objects(Person).values_list("last_name", flat=True))

    for search in (last_name, spelt_out(last_name)):
        found = selectors.person_list(scope=demo.scope, filters=PersonFilter(search=search))
        assert last_name in found.values_list("last_name", flat=True)


def test_demo_partners_see_only_shared_contacts(demo):
    partner = Scope(workspace=demo.workspace, role=Role.PARTNER)
    shared = partner.objects(Organisation).count()

    assert 0 < shared < demo.scope.objects(Organisation).count()
    assert (
        partner.objects(Person).count() == demo.scope.objects(Person).filter(is_shared=True).count()
    )


def test_demo_notes_are_written_by_the_team_before_the_reference_date(demo):
    notes = demo.scope.objects(Note)
    team = {user.pk for user in User.objects.filter(memberships__role__in=[Role.LEAD, Role.STAFF])}

    assert set(notes.values_list("author", flat=True)) <= team
    assert notes.filter(created_at__date__gte=REFERENCE_DATE).count() == 0
    assert notes.filter(created_at__lt=timezone.now()).count() == notes.count()


def test_demo_import_is_logged_without_personal_values(demo):
    entry = demo.scope.objects(ActivityEntry).get(action=Action.IMPORTED)

    assert entry.details["source"] == "demo"
    assert entry.details["counts"]["persons"] == demo.scope.objects(Person).count()
    assert all(isinstance(count, int) for count in entry.details["counts"].values())


def test_demo_load_after_the_workspace_was_deleted_reuses_the_demo_users(demo):
    users = set(User.objects.filter(email__in=[user.email for user in DEMO_USERS]))
    Workspace.objects.filter(pk=demo.workspace.pk).delete()

    result = demo_load()

    assert result.created is True
    assert set(User.objects.filter(memberships__workspace=result.workspace)) == users
