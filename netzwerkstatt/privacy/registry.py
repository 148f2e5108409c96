"""Which fields hold personal data, why they are processed, and how long they are kept.

Each app classifies its own models in `<app>/privacy.py`: a dict `MODELS` from model
name to a `Classification`. Every concrete field and many-to-many field is either
personal, free text (may name anyone) or not personal; a system check
(`privacy.E001`) fails for a field nobody classified. The access export, the erasure
and the records of processing (Verzeichnis von Verarbeitungstätigkeiten) are
generated from here, so a new field is covered once it is classified.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from django.apps import apps
from django.db import models
from django.utils.functional import Promise

from .enums import LegalBasis


@dataclass(frozen=True)
class Classification:
    purpose: Promise
    legal_basis: LegalBasis
    # The retention rule in words; the periods a workspace sets are in `RetentionPolicy`.
    retention: Promise
    # Fields holding data about an identifiable person, subject links included.
    personal: tuple[str, ...] = ()
    # Texts written by the team that may name anyone: scrubbed of an erased person's name.
    free_text: tuple[str, ...] = ()
    not_personal: tuple[str, ...] = ()
    # ORM lookups from this model to the contacts.Person a row is about ("person",
    # "member__person"); rows reached this way belong in that person's access export.
    subjects: tuple[str, ...] = ()
    # Whom the data is about (Kategorien betroffener Personen), for the records of processing.
    data_subjects: tuple[Promise, ...] = field(default=())

    @property
    def classified(self) -> frozenset[str]:
        return frozenset(self.personal) | frozenset(self.free_text) | frozenset(self.not_personal)

    @property
    def holds_personal_data(self) -> bool:
        return bool(self.personal or self.free_text)


def model_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields a classification must cover: concrete columns and many-to-many links."""
    return [*model._meta.concrete_fields, *model._meta.many_to_many]


@cache
def registry() -> dict[type[models.Model], Classification]:
    """Every classified model, in the order of INSTALLED_APPS."""
    classified = {}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.privacy":
                raise
            continue
        for model_name, classification in module.MODELS.items():
            classified[config.get_model(model_name)] = classification
    return classified


def classification(model: type[models.Model]) -> Classification | None:
    return registry().get(model)


def personal_fields(model: type[models.Model]) -> tuple[str, ...]:
    """The personal and free-text fields of `model` (empty for an unclassified model)."""
    found = classification(model)
    return (*found.personal, *found.free_text) if found else ()


def models_to_classify() -> list[type[models.Model]]:
    """Our apps' models (the project's own code decides what they hold)."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("netzwerkstatt.") and not model._meta.auto_created
    ]


def classification_problems() -> list[str]:
    """Unclassified, doubly classified or unknown fields, as "app.Model.field: problem"."""
    problems = []
    for model in models_to_classify():
        label = model._meta.label
        found = classification(model)
        if found is None:
            problems.append(f"{label}: not classified")
            continue
        names = [f.name for f in model_fields(model)]
        listed = [*found.personal, *found.free_text, *found.not_personal]
        problems += [f"{label}.{name}: not classified" for name in names if name not in listed]
        problems += [f"{label}.{name}: no such field" for name in listed if name not in names]
        problems += [
            f"{label}.{name}: classified twice"
            for name in sorted(set(listed))
            if listed.count(name) > 1
        ]
        problems += [
            f"{label}.{lookup}: subject link is not a personal field"
            for lookup in found.subjects
            if lookup.split("__")[0] not in found.personal
        ]
    return problems
