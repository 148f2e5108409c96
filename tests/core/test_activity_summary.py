from netzwerkstatt.contacts import services
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.core.templatetags.netzwerkstatt import activity_summary
from tests.factories import OrganisationFactory


def test_activity_summary_names_changed_fields_in_german(scope):
    organisation = OrganisationFactory(workspace=scope.workspace)

    services.organisation_update(
        scope=scope, organisation=organisation, employee_count=7, city="Peine"
    )

    entry = ActivityEntry.objects.get(action=Action.UPDATED)
    assert activity_summary(entry) == "Beschäftigte, Ort"


def test_activity_summary_of_an_export(scope):
    entry = activity_record(
        scope=scope,
        action=Action.EXPORTED,
        details={"model": "contacts.person", "count": 3, "format": "csv"},
    )

    assert activity_summary(entry) == "3 Personen · CSV"


def test_activity_summary_of_an_import_uses_app_labels(scope):
    entry = activity_record(
        scope=scope,
        action=Action.IMPORTED,
        details={
            "format": "vcard",
            "rows_read": 12,
            "persons_created": 10,
            "duplicates": 2,
            "unknown": 5,
        },
    )

    assert (
        activity_summary(entry)
        == "VCARD · Zeilen gelesen: 12 · Personen angelegt: 10 · Dubletten: 2"
    )
