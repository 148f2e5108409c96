from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Schema

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.network.enums import TIE_RULES, Provenance, TieKind
from netzwerkstatt.network.models import Tie

from .common import Id, InputDate, InputSchema, QuerySchema

TRUST = "1 = little, 5 = complete; null when not assessed, and always null for partners."
STRENGTH = "1 = barely know each other, 5 = very close."


class NodeIn(InputSchema):
    type: Literal["person", "organisation"]
    id: Id


class NodeOut(Schema):
    """A person or an organisation, as warm paths name them."""

    type: Literal["person", "organisation"]
    id: int
    label: str


def node_out(node: Person | Organisation) -> dict:
    node_type = "person" if isinstance(node, Person) else "organisation"
    return {"type": node_type, "id": node.pk, "label": str(node)}


def sees_internals(context: dict) -> bool:
    """Trust, notes, purpose and who recorded it are for the team, never for partners."""
    request: HttpRequest = context["request"]
    return request.scope.can("view_trust")


class TieValues(InputSchema):
    strength: int = Field(ge=1, le=5, description=STRENGTH)
    trust: int | None = Field(None, ge=1, le=5, description=TRUST)
    since: InputDate | None = None
    last_contact: InputDate | None = None
    provenance: Provenance = Field(
        Provenance.CONVERSATION, description="Where what we know about the tie comes from."
    )
    purpose: str = Field("", max_length=300, description="What it was recorded for.")
    project: Id | None = Field(None, description="id of the project.")
    note: str = ""


class TieIn(TieValues):
    kind: TieKind
    source: NodeIn
    target: NodeIn


class TieUpdateIn(TieValues):
    kind: TieKind


class TieOut(Schema):
    id: int
    kind: TieKind
    directed: bool = Field(description="Directed kinds run from source to target.")
    source: NodeOut
    target: NodeOut
    strength: int = Field(description=STRENGTH)
    trust: int | None = Field(description=TRUST)
    since: date | None
    last_contact: date | None
    provenance: Provenance
    purpose: str | None = Field(description="null for partners.")
    project: int | None
    note: str | None = Field(description="null for partners.")
    recorded_by: str | None = Field(description="null for partners.")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_directed(obj: Tie) -> bool:
        return TIE_RULES[TieKind(obj.kind)].directed

    @staticmethod
    def resolve_source(obj: Tie) -> dict:
        return node_out(obj.source)

    @staticmethod
    def resolve_target(obj: Tie) -> dict:
        return node_out(obj.target)

    @staticmethod
    def resolve_trust(obj: Tie, context: dict) -> int | None:
        return obj.trust if sees_internals(context) else None

    @staticmethod
    def resolve_purpose(obj: Tie, context: dict) -> str | None:
        return obj.purpose if sees_internals(context) else None

    @staticmethod
    def resolve_project(obj: Tie) -> int | None:
        return obj.project_id

    @staticmethod
    def resolve_note(obj: Tie, context: dict) -> str | None:
        return obj.note if sees_internals(context) else None

    @staticmethod
    def resolve_recorded_by(obj: Tie, context: dict) -> str | None:
        if not sees_internals(context) or obj.recorded_by is None:
            return None
        return str(obj.recorded_by)


class TieQuery(QuerySchema):
    person: Id | None = Field(None, description="Ties of this person (either end).")
    organisation: Id | None = Field(None, description="Ties of this organisation (either end).")
    kind: TieKind | None = None
    min_strength: int | None = Field(None, ge=1, le=5)
