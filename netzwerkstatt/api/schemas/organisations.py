from typing import Literal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from ninja import Field, Schema
from pydantic import field_validator

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import OrganisationKind, SizeClass, State
from netzwerkstatt.contacts.selectors import OrganisationFilter

from .common import NOT_BLANK, POSITIVE_INT_MAX, ContactIn, ContactOut, ListQuery

SECTOR = "WZ 2008 division (two digits), e.g. `28`."
STATE = "Federal state as ISO 3166-2 code without `DE-`, e.g. `NI`."
# The WZ 2008 divisions, so that the schema lists what the model accepts.
Division = Literal[("", *(division.code for division in wz2008.divisions()))]


class OrganisationIn(ContactIn):
    name: str = Field(max_length=300, pattern=NOT_BLANK)
    kind: OrganisationKind = OrganisationKind.COMPANY
    sector: Division = Field("", description=SECTOR)
    employee_count: int | None = Field(None, ge=0, le=POSITIVE_INT_MAX)
    street: str = Field("", max_length=200)
    postal_code: str = Field("", pattern=r"^(\d{5})?$", description="Five digits.")
    city: str = Field("", max_length=100)
    district: str = Field("", max_length=100, description="Landkreis or kreisfreie Stadt.")
    state: State | Literal[""] = Field("", description=STATE)
    website: str = Field("", max_length=200, description="An http or https address.")

    @field_validator("website")
    @classmethod
    def web_address(cls, value: str) -> str:
        """Django's URL rules, here so that the error names the field (`javascript:` fails)."""
        try:
            if value:
                URLValidator(schemes=["http", "https"])(value)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None
        return value


class OrganisationOut(ContactOut):
    name: str
    kind: OrganisationKind
    sector: str = Field(description=SECTOR)
    employee_count: int | None
    size_class: SizeClass | None = Field(description="SME size class by employee count.")
    street: str
    postal_code: str
    city: str
    district: str
    state: str = Field(description=STATE)
    website: str


class OrganisationRef(Schema):
    id: int
    name: str


class OrganisationQuery(ListQuery):
    filter_class = OrganisationFilter

    kind: OrganisationKind | None = None
    sector: str = Field("", description="WZ 2008 section letter (e.g. `C`) or division (`28`).")
    size_class: SizeClass | None = None
    district: str = ""
    tag: str = Field("", description="Tag name.")
