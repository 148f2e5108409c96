import datetime as dt

from ninja import Field, Schema

from netzwerkstatt.network.enums import Provenance, RecommendationOutcome
from netzwerkstatt.network.models import Recommendation

from .common import Id, InputDate, InputSchema, QuerySchema
from .ties import NodeIn, NodeOut, node_out

OUTCOMES = (
    "`conversation` ties subject and recipient weakly, `cooperation` strongly; "
    "`open` and `declined` add no tie."
)


class RecommendationIn(InputSchema):
    recommender: Id = Field(description="id of the person who recommended.")
    subject: NodeIn = Field(description="The person or organisation recommended.")
    recipient: NodeIn = Field(description="Whom it was recommended to.")
    date: InputDate
    purpose: str = Field("", max_length=300, description="What for.")
    outcome: RecommendationOutcome = Field(RecommendationOutcome.OPEN, description=OUTCOMES)
    provenance: Provenance = Provenance.CONVERSATION
    project: Id | None = Field(None, description="id of the project.")
    note: str = ""


class OutcomeIn(InputSchema):
    outcome: RecommendationOutcome = Field(description=OUTCOMES)
    on: InputDate | None = Field(None, description="When; today if not given.")


class RecommendationOut(Schema):
    id: int
    recommender: NodeOut
    subject: NodeOut
    recipient: NodeOut
    date: dt.date
    purpose: str
    outcome: RecommendationOutcome
    outcome_date: dt.date | None
    provenance: Provenance
    project: int | None
    note: str
    recorded_by: str | None
    created_at: dt.datetime

    @staticmethod
    def resolve_recommender(obj: Recommendation) -> dict:
        return node_out(obj.recommender)

    @staticmethod
    def resolve_subject(obj: Recommendation) -> dict:
        return node_out(obj.subject)

    @staticmethod
    def resolve_recipient(obj: Recommendation) -> dict:
        return node_out(obj.recipient)

    @staticmethod
    def resolve_project(obj: Recommendation) -> int | None:
        return obj.project_id

    @staticmethod
    def resolve_recorded_by(obj: Recommendation) -> str | None:
        return str(obj.recorded_by) if obj.recorded_by else None


class RecommendationQuery(QuerySchema):
    outcome: RecommendationOutcome | None = None
    project: Id | None = Field(None, description="id of the project.")
    person: Id | None = Field(
        None, description="Recommendations this person gave, was the subject of or received."
    )
    organisation: Id | None = Field(None, description="Recommendations of or to this organisation.")
