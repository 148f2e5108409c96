from datetime import date

from ninja import Field, Schema

from netzwerkstatt.contacts.enums import EmailKind, OrganisationKind, PhoneKind, Salutation
from netzwerkstatt.contacts.selectors import PersonFilter

from .common import ContactIn, ContactOut, InputSchema, ListQuery
from .organisations import OrganisationRef


class EmailSchema(InputSchema):
    address: str
    kind: EmailKind = EmailKind.WORK


class PhoneSchema(InputSchema):
    number: str
    kind: PhoneKind = PhoneKind.WORK


class FunctionIn(InputSchema):
    organisation: int = Field(description="id of the organisation.")
    role: str = Field("", description="e.g. Geschäftsführung, Personalleitung, Betriebsrat.")
    department: str = ""
    start_date: date | None = None
    end_date: date | None = None


class FunctionOut(Schema):
    organisation: OrganisationRef
    role: str
    department: str
    start_date: date | None
    end_date: date | None
    is_current: bool


class PersonIn(ContactIn):
    salutation: Salutation = Salutation.NONE
    title: str = Field("", description="Academic title, e.g. Dr.")
    first_name: str = ""
    last_name: str
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
    organisation: int | None = Field(None, description="id of an organisation the person works at.")
    tag: str = Field("", description="Tag name.")
