import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from netzwerkstatt.contacts import services
from netzwerkstatt.contacts.models import Note, Organisation, Person, Tag
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from tests.factories import OrganisationFactory, PersonFactory


def test_organisation_create_sets_keys_tags_and_logs(scope):
    organisation = services.organisation_create(
        scope=scope,
        name="Metallbau Müller GmbH",
        postal_code="38518",
        city="Gifhorn",
        tags=["TraM", "Demografie", "TraM"],
    )

    assert organisation.name_key == "metallbau muller gmbh"
    assert "gifhorn" in organisation.search_key
    assert sorted(organisation.tags.values_list("name", flat=True)) == ["Demografie", "TraM"]
    entry = ActivityEntry.objects.get(object_id=organisation.pk)
    assert (entry.action, entry.actor) == (Action.CREATED, scope.user)


def test_organisation_create_invalid_postal_code_saves_nothing(scope):
    with pytest.raises(ValidationError) as error:
        services.organisation_create(scope=scope, name="Betrieb", postal_code="3851")

    assert "postal_code" in error.value.message_dict
    assert not Organisation.objects.exists()
    assert not ActivityEntry.objects.exists()


def test_organisation_create_unknown_sector_is_rejected(scope):
    with pytest.raises(ValidationError) as error:
        services.organisation_create(scope=scope, name="Betrieb", sector="C")

    assert "sector" in error.value.message_dict


def test_organisation_create_by_partner_is_denied(workspace, partner):
    partner_scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        services.organisation_create(scope=partner_scope, name="Betrieb")


def test_organisation_update_logs_only_changed_fields(scope):
    organisation = OrganisationFactory(workspace=scope.workspace, name="Alt GmbH", city="Peine")

    services.organisation_update(
        scope=scope, organisation=organisation, name="Neu GmbH", city="Peine"
    )
    services.organisation_update(scope=scope, organisation=organisation, name="Neu GmbH")

    entries = ActivityEntry.objects.filter(action=Action.UPDATED)
    assert [entry.details for entry in entries] == [{"fields": ["name"]}]
    assert organisation.name_key == "neu gmbh"


def test_organisation_update_rejects_unknown_fields(scope):
    organisation = OrganisationFactory(workspace=scope.workspace)

    with pytest.raises(TypeError, match="workspace"):
        services.organisation_update(scope=scope, organisation=organisation, workspace=None)


def test_person_create_with_details(scope):
    organisation = OrganisationFactory(workspace=scope.workspace)

    person = services.person_create(
        scope=scope,
        first_name="Jürgen",
        last_name="Kröger",
        emails=[services.EmailData("J.Kroeger@Betrieb.example")],
        phones=[services.PhoneData("+49 5371 12345", kind="mobile")],
        functions=[services.FunctionData(organisation=organisation, role="Geschäftsführung")],
        tags=["Betriebsrat"],
    )

    assert person.emails.get().address_key == "j.kroeger@betrieb.example"
    assert person.phones.get().kind == "mobile"
    assert person.functions.get().organisation == organisation
    assert "j.kroger@betrieb.example" in person.search_key
    assert {email.workspace for email in person.emails.all()} == {scope.workspace}


def test_person_create_with_foreign_organisation_saves_nothing(scope, other_workspace):
    foreign = OrganisationFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        services.person_create(
            scope=scope, last_name="Kröger", functions=[services.FunctionData(organisation=foreign)]
        )

    assert not Person.objects.exists()


def test_person_create_invalid_email_saves_nothing(scope):
    with pytest.raises(ValidationError):
        services.person_create(
            scope=scope, last_name="Kröger", emails=[services.EmailData("kroeger@")]
        )

    assert not Person.objects.exists()


def test_person_update_replaces_emails_and_search_key(scope):
    person = services.person_create(
        scope=scope, last_name="Kröger", emails=[services.EmailData("alt@betrieb.example")]
    )

    services.person_update(
        scope=scope, person=person, emails=[services.EmailData("neu@betrieb.example")]
    )

    assert list(person.emails.values_list("address", flat=True)) == ["neu@betrieb.example"]
    assert "neu@betrieb.example" in person.search_key
    assert "alt@" not in person.search_key
    assert ActivityEntry.objects.get(action=Action.UPDATED).details == {"fields": ["emails"]}


def test_person_update_without_details_keeps_them(scope):
    person = services.person_create(
        scope=scope, last_name="Kröger", emails=[services.EmailData("k@betrieb.example")]
    )

    services.person_update(scope=scope, person=person, first_name="Anke")

    assert person.emails.count() == 1
    assert "k@betrieb.example" in person.search_key


def test_tags_resolve_reuses_existing_tags(scope):
    services.tags_resolve(scope=scope, names=["TraM"])
    services.tags_resolve(scope=scope, names=["TraM", " FluGs "])

    assert sorted(Tag.objects.values_list("name", flat=True)) == ["FluGs", "TraM"]


def test_note_create_on_foreign_subject_is_rejected(scope, other_workspace):
    foreign = PersonFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        services.note_create(scope=scope, subject=foreign, text="Hallo")

    assert not Note.objects.exists()


def test_note_create_and_delete_are_logged(scope):
    person = PersonFactory(workspace=scope.workspace)

    note = services.note_create(scope=scope, subject=person, text="  Rückruf vereinbart.  ")
    services.note_delete(scope=scope, note=note)

    assert note.text == "Rückruf vereinbart."
    assert list(ActivityEntry.objects.order_by("id").values_list("action", flat=True)) == [
        Action.NOTED,
        Action.DELETED,
    ]
    assert not Note.objects.exists()


def test_organisation_delete_removes_functions(scope):
    organisation = OrganisationFactory(workspace=scope.workspace)
    person = services.person_create(
        scope=scope,
        last_name="Kröger",
        functions=[services.FunctionData(organisation=organisation)],
    )

    services.organisation_delete(scope=scope, organisation=organisation)

    assert not person.functions.exists()
    assert Person.objects.filter(pk=person.pk).exists()


def test_organisation_keys_fit_their_columns(scope):
    organisation = services.organisation_create(scope=scope, name="ß" * 300)

    assert len(organisation.name_key) == 300
