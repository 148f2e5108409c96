from ninja import NinjaAPI, Swagger
from ninja.operation import Operation

from netzwerkstatt.acquisition.models import Measure, Need
from netzwerkstatt.contacts.models import Note, Organisation, Person
from netzwerkstatt.network.models import Recommendation, Tie

from .auth import ApiTokenAuth
from .errors import register_error_handlers
from .routers import acquisition, network, notes, organisations, persons, recommendations, ties

DESCRIPTION = """\
Organisations, persons and notes of one workspace, the relationships between them
(ties, recommendations) and the warm introduction paths from the project team; the
projects' measures catalogue and the needs vocabulary, to read.

Authenticate with `Authorization: Bearer TOKEN`; a token (`netzwerkstatt api-token EMAIL`)
acts in one workspace with the user's current role there. Partners read only what is
shared with them, never notes, trust values, recommendations, measures or needs, and
change nothing.

Lists take `limit` and `offset` and answer `{"items": [...], "count": n}`. Errors answer
`{"detail": "..."}` in German, invalid input also `"errors": {"field": ["..."]}`.
"""


class NetzwerkstattAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        return operation.view_func.__name__


api = NetzwerkstattAPI(
    title="Netzwerkstatt API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=ApiTokenAuth(),
    # Swagger UI from ninja's own static files (ninja is an installed app), no CDN;
    # no validator badge, which would call validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)
register_error_handlers(
    api,
    path_objects={
        "organisation_id": Organisation,
        "person_id": Person,
        "note_id": Note,
        "tie_id": Tie,
        "recommendation_id": Recommendation,
        "measure_id": Measure,
        "need_id": Need,
    },
)
api.add_router("/organisations", organisations.router)
api.add_router("/persons", persons.router)
api.add_router("/notes", notes.router)
api.add_router("/ties", ties.router)
api.add_router("/recommendations", recommendations.router)
api.add_router("", network.router)
api.add_router("", acquisition.router)
