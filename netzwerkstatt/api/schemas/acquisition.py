import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from netzwerkstatt.acquisition.enums import Effort
from netzwerkstatt.acquisition.models import Measure

from .common import Id, QuerySchema


class NeedOut(Schema):
    id: int
    name: str
    description: str
    measure_count: int = Field(description="How many measures answer this need.")
    created_at: dt.datetime
    updated_at: dt.datetime


class NeedRef(Schema):
    id: int
    name: str


class MeasureOut(Schema):
    id: int
    project: int = Field(description="id of the project offering the measure.")
    name: str
    description: str
    target_group: str
    effort: Effort | None = Field(description="Effort for the company; null if not specified.")
    effort_note: str = Field(description="The effort in detail.")
    cost: Decimal | None = Field(description="Cost in euros; null if not specified.")
    funded: bool = Field(description="The funding pays; the company pays nothing.")
    duration: str
    needs: list[NeedRef] = Field(description="The needs the measure answers.")
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_project(obj: Measure) -> int:
        return obj.project_id

    @staticmethod
    def resolve_effort(obj: Measure) -> str | None:
        return obj.effort or None

    @staticmethod
    def resolve_needs(obj: Measure) -> list[dict]:
        return [{"id": need.pk, "name": need.name} for need in obj.needs.all()]


class MeasureQuery(QuerySchema):
    project: Id | None = Field(None, description="id of the project.")
    need: Id | None = Field(None, description="id of a need the measures answer.")
    search: str = Field(
        "",
        description="Words that must all occur in name, target group or description; case, "
        "accents and umlauts are folded.",
    )
