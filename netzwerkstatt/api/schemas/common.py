import datetime as dt
from copy import copy
from typing import Annotated, ClassVar

from django.http import HttpRequest
from ninja import Body, Field, Schema
from ninja.patch_dict import ModelToDict
from pydantic import BeforeValidator, ConfigDict, create_model, field_validator
from pydantic_core import PydanticCustomError

from netzwerkstatt.contacts.models import Contact

# The largest number an id column (BigAutoField) or an SQL OFFSET holds on SQLite and
# PostgreSQL; a larger one overflows the query (a server error) instead of finding nothing.
DB_INT_MAX = 2**63 - 1
# The largest value of a PositiveIntegerField on every database Django supports.
POSITIVE_INT_MAX = 2**31 - 1
Id = Annotated[int, Field(ge=1, le=DB_INT_MAX)]


def _date_text(value: object) -> object:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        # pydantic would read a number as seconds since 1970; the schema promises a text.
        raise PydanticCustomError("date_type", "Input should be a valid date")
    return value


# A date in the input: the text YYYY-MM-DD, as the schema says (not a number).
InputDate = Annotated[dt.date, BeforeValidator(_date_text)]
# Text the services strip before saving: required text needs a character that is not space.
NOT_BLANK = r"[^\s\x00]"


class ErrorOut(Schema):
    detail: str


class InvalidOut(ErrorOut):
    errors: dict[str, list[str]] = Field(
        description="Messages per field path, e.g. `emails.0.address`; `__all__`: the whole input."
    )


def _without_nul(value: object) -> object:
    """Strings, also in lists; nested schemas clean their own fields."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value


class QuerySchema(Schema):
    """Input of a query string or a body, without NUL characters.

    PostgreSQL's text cannot hold them (searching for one, or saving it, was a server
    error there and worked on SQLite); they never mean anything in a name, a text or a
    search, so they are dropped.
    """

    @field_validator("*", mode="before")
    @classmethod
    def drop_nul_characters(cls, value: object) -> object:
        return _without_nul(value)


class InputSchema(QuerySchema):
    """Input that rejects unknown fields: a misspelt (or smuggled) field must not pass silently."""

    model_config = ConfigDict(extra="forbid")


class _PatchDict:
    """`PatchDict[SchemaIn]`: the fields given, each optional, as a dict for the services.

    Unlike ninja's PatchDict, a field that takes no null takes none in a patch either
    (ninja's makes every field nullable, so `{"name": null}` reached the database as NULL
    and failed there with a server error); an omitted field is simply not in the dict.
    """

    def __getitem__(self, schema: type[Schema]):
        fields = {}
        for name, info in schema.model_fields.items():
            optional = copy(info)
            optional.default, optional.default_factory = None, None
            fields[name] = (info.annotation, optional)
        patch = create_model(f"{schema.__name__}Patch", __base__=schema, **fields)

        class PatchDict(ModelToDict):
            _wrapped_model = patch
            _wrapped_model_dump_params = {"exclude_unset": True}

        return Body[PatchDict]


PatchDict = _PatchDict()


class ListQuery(QuerySchema):
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
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_tags(obj: Contact) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_notes(obj: Contact, context: dict) -> str | None:
        request: HttpRequest = context["request"]
        return obj.notes if request.scope.can("view_notes") else None
