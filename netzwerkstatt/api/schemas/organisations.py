from ninja import Field, Schema

from netzwerkstatt.contacts.enums import OrganisationKind, SizeClass
from netzwerkstatt.contacts.selectors import OrganisationFilter

from .common import ContactIn, ContactOut, ListQuery

SECTOR = "WZ 2008 division (two digits), e.g. `28`."
STATE = "Federal state as ISO 3166-2 code without `DE-`, e.g. `NI`."


class OrganisationIn(ContactIn):
    name: str
    kind: OrganisationKind = OrganisationKind.COMPANY
    sector: str = Field("", description=SECTOR)
    employee_count: int | None = Field(None, ge=0)
    street: str = ""
    postal_code: str = ""
    city: str = ""
    district: str = Field("", description="Landkreis or kreisfreie Stadt.")
    state: str = Field("", description=STATE)
    website: str = ""


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
