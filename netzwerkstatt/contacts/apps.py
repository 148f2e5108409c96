from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "netzwerkstatt.contacts"
    verbose_name = _("Contacts")
    navigation = [
        ("contacts:organisation_list", _("Organisations"), "view_contacts"),
        ("contacts:person_list", _("Persons"), "view_contacts"),
        ("contacts:import_start", _("Import"), "import_contacts"),
    ]
    overview = "netzwerkstatt.contacts.overview.panel"
    activity_labels = {
        "rows_read": _("rows read"),
        "organisations_created": _("organisations created"),
        "persons_created": _("persons created"),
        "duplicates": _("duplicates"),
        "errors": _("invalid rows"),
    }
