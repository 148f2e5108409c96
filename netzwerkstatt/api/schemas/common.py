from datetime import datetime
from typing import ClassVar

from django.http import HttpRequest
from ninja import Field, Schema
from pydantic import ConfigDict

from netzwerkstatt.contacts.models import Contact


class ErrorOut(Schema):
    detail: str


class InvalidOut(ErrorOut):
    errors: dict[str, list[str]] = Field(
        description="Messages per field path, e.g. `emails.0.address`; `__all__`: the whole input."
    )


class InputSchema(Schema):
    """Input that rejects unknown fields: a misspelt (or smuggled) field must not pass silently."""

    model_config = ConfigDict(extra="forbid")


class ListQuery(Schema):
    """Query parameters of a list, handed to the contacts selectors as their filter dataclass."""

    filter_class: ClassVar[type]

    search: str = Field(
        "",
        description="Words that must all occur; case, accents and umlauts are folded "
        "(`Mueller` finds `Müller`).",
    )

    def to_filter(self):
        return self.filter_class(
            **{
                name: "" if value is None else str(value)
                for name, value in self.model_dump().items()
            }
        )


class ContactIn(InputSchema):
    notes: str = Field("", description="Free notes; never shown to partners.")
    is_shared: bool = Field(default=False, description="Visible to users with the partner role.")
    tags: list[str] = Field(
        default_factory=list, description="Tag names; missing tags are created."
    )


class ContactOut(Schema):
    id: int
    tags: list[str]
    notes: str | None = Field(description="Free notes; null for partners.")
    is_shared: bool
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_tags(obj: Contact) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_notes(obj: Contact, context: dict) -> str | None:
        request: HttpRequest = context["request"]
        return obj.notes if request.scope.can("view_notes") else None
