from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from ninja import Field, Schema
from pydantic import field_validator

from netzwerkstatt.contacts.enums import EmailKind, OrganisationKind, PhoneKind, Salutation
from netzwerkstatt.contacts.selectors import PersonFilter

from .common import NOT_BLANK, ContactIn, ContactOut, Id, InputDate, InputSchema, ListQuery
from .organisations import OrganisationRef

# The phone number model's rule (contacts.models.PhoneNumber: `^\+?[\d\s()/.-]{3,}$`) for
# the number with the surrounding space stripped, as the services store it.
PHONE_PATTERN = r"^\s*(\+[\d\s()/.-]{2,}|[\d()/.-][\d\s()/.-]+)[\d()/.-]\s*$"


class EmailSchema(InputSchema):
    address: str = Field(max_length=254)
    kind: EmailKind = EmailKind.WORK

    @field_validator("address")
    @classmethod
    def email_address(cls, value: str) -> str:
        """Django's rules, here so that the error names the item (`emails.0.address`)."""
        try:
            validate_email(value.strip())
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None
        return value


class PhoneSchema(InputSchema):
    number: str = Field(max_length=50, pattern=PHONE_PATTERN)
    kind: PhoneKind = PhoneKind.WORK


class FunctionIn(InputSchema):
    organisation: Id = Field(description="id of the organisation.")
    role: str = Field(
        "", max_length=200, description="e.g. Geschäftsführung, Personalleitung, Betriebsrat."
    )
    department: str = Field("", max_length=200)
    start_date: InputDate | None = None
    end_date: InputDate | None = None


class FunctionOut(Schema):
    organisation: OrganisationRef
    role: str
    department: str
    start_date: date | None
    end_date: date | None
    is_current: bool


class PersonIn(ContactIn):
    salutation: Salutation = Salutation.NONE
    title: str = Field("", max_length=50, description="Academic title, e.g. Dr.")
    first_name: str = Field("", max_length=100)
    last_name: str = Field(max_length=100, pattern=NOT_BLANK)
    emails: list[EmailSchema] = Field(default_factory=list)
    phones: list[PhoneSchema] = Field(default_factory=list)
    functions: list[FunctionIn] = Field(default_factory=list)


class PersonOut(ContactOut):
    salutation: Salutation
    title: str
    first_name: str
    last_name: str
    full_name: str
    emails: list[EmailSchema]
    phones: list[PhoneSchema]
    functions: list[FunctionOut]


class PersonQuery(ListQuery):
    filter_class = PersonFilter

    kind: OrganisationKind | None = Field(
        None, description="Kind of an organisation the person works at."
    )
    organisation: Id | None = Field(None, description="id of an organisation the person works at.")
    tag: str = Field("", description="Tag name.")
