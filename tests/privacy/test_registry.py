"""The registry of classified fields and its system check (privacy.E001)."""

import dataclasses

import pytest

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.privacy import registry as registry_module
from netzwerkstatt.privacy.checks import personal_data_classified
from netzwerkstatt.privacy.registry import classification_problems, personal_fields, registry


@pytest.fixture
def changed_person(monkeypatch):
    """Swap the registry for one where the person's classification is changed by `change`."""

    def change(**fields):
        classified = dict(registry())
        classified[Person] = dataclasses.replace(classified[Person], **fields)
        monkeypatch.setattr(registry_module, "registry", lambda: classified)

    return change


def test_the_real_registry_has_no_problems():
    assert classification_problems() == []
    assert personal_data_classified(None) == []


def test_every_model_of_ours_is_classified():
    classified = registry()

    assert all(model in classified for model in registry_module.models_to_classify())
    assert "last_name" in personal_fields(Person)


def test_an_unclassified_field_is_reported_by_the_check(changed_person):
    personal = tuple(name for name in registry()[Person].personal if name != "last_name")
    changed_person(personal=personal)

    problems = classification_problems()
    errors = personal_data_classified(None)

    assert problems == ["contacts.Person.last_name: not classified"]
    assert [(error.id, error.msg) for error in errors] == [
        ("privacy.E001", "contacts.Person.last_name: not classified")
    ]


def test_an_unknown_or_doubly_classified_field_is_reported(changed_person):
    found = registry()[Person]
    changed_person(
        personal=(*found.personal, "geburtstag"), not_personal=(*found.not_personal, "first_name")
    )

    problems = classification_problems()

    assert "contacts.Person.geburtstag: no such field" in problems
    assert "contacts.Person.first_name: classified twice" in problems


def test_a_subject_link_must_be_a_personal_field(changed_person):
    found = registry()[Person]
    changed_person(subjects=(*found.subjects, "workspace"))

    assert classification_problems() == [
        "contacts.Person.workspace: subject link is not a personal field"
    ]


def test_an_unclassified_model_is_reported(monkeypatch):
    classified = {model: found for model, found in registry().items() if model is not Person}
    monkeypatch.setattr(registry_module, "registry", lambda: classified)

    assert classification_problems() == ["contacts.Person: not classified"]
