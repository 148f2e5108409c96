from pathlib import Path

import pytest

from netzwerkstatt.core.models import ActivityEntry, DataVersion
from netzwerkstatt.network.models import Tie
from tests.factories import EmailAddressFactory, OrganisationFactory, PersonFactory

FILES = Path(__file__).parent / "files"


def file_bytes(name: str) -> bytes:
    return (FILES / name).read_bytes()


def database_state(workspace) -> dict:
    """Everything an import could change in the workspace, for "nothing changed" checks."""
    return {
        model.__name__: sorted(
            tuple(sorted(row.items())) for row in model.objects.filter(workspace=workspace).values()
        )
        for model in (Tie, ActivityEntry, DataVersion)
    }


@pytest.fixture
def people(workspace):
    """The persons and organisations the test files name, by short name."""
    anna = PersonFactory(workspace=workspace, first_name="Anna", last_name="Meyer")
    EmailAddressFactory(person=anna, workspace=workspace, address="anna.meyer@igmetall.example")
    petra = PersonFactory(workspace=workspace, first_name="Petra", last_name="Schulz")
    EmailAddressFactory(person=petra, workspace=workspace, address="petra.schulz@ihk.example")

    def organisation(name, postal_code, city):
        return OrganisationFactory(
            workspace=workspace, name=name, postal_code=postal_code, city=city
        )

    return {
        "anna": anna,
        "petra": petra,
        "mueller": organisation("Metallbau Müller GmbH", "38518", "Gifhorn"),
        "ihk": organisation("IHK Lüneburg-Wolfsburg", "21335", "Lüneburg"),
        "hwk": organisation("Handwerkskammer Braunschweig", "38100", "Braunschweig"),
        "schmidt_gifhorn": organisation("Bäckerei Schmidt", "38518", "Gifhorn"),
        "schmidt_bs": organisation("Bäckerei Schmidt", "38100", "Braunschweig"),
    }
