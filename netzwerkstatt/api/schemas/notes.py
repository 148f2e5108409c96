from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import model_validator

from netzwerkstatt.contacts.models import Note

from .common import NOT_BLANK, Id, InputSchema, QuerySchema


class NoteIn(InputSchema):
    text: str = Field(pattern=NOT_BLANK)
    organisation: Id | None = Field(None, description="id of the organisation; or give `person`.")
    person: Id | None = Field(None, description="id of the person; or give `organisation`.")

    @model_validator(mode="after")
    def one_subject(self) -> "NoteIn":
        if (self.organisation is None) == (self.person is None):
            raise ValueError(_("Give either an organisation or a person."))
        return self


class NotePatch(InputSchema):
    text: str = Field(pattern=NOT_BLANK)


class NoteOut(Schema):
    id: int
    text: str
    organisation: int | None = Field(description="id of the organisation the note is about.")
    person: int | None = Field(description="id of the person the note is about.")
    author: str | None
    created_at: datetime

    @staticmethod
    def resolve_organisation(obj: Note) -> int | None:
        return obj.organisation_id

    @staticmethod
    def resolve_person(obj: Note) -> int | None:
        return obj.person_id

    @staticmethod
    def resolve_author(obj: Note) -> str | None:
        return str(obj.author) if obj.author else None


class NoteQuery(QuerySchema):
    search: str = Field("", description="Words that must all occur in the text.")
    organisation: Id | None = None
    person: Id | None = None
