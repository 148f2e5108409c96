"""What every router shares: documented responses and pagination."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from netzwerkstatt.api.schemas.common import DB_INT_MAX, ErrorOut, InvalidOut

MAX_PAGE_SIZE = 100


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(MAX_PAGE_SIZE, ge=1, description=f"At most {MAX_PAGE_SIZE} are served.")
        # Bounded: a larger offset overflows the SQL query (a server error) instead of
        # answering an empty page.
        offset: int = Field(0, ge=0, le=DB_INT_MAX)


paginated = paginate(Pagination, max_limit=MAX_PAGE_SIZE)


def responses(success: dict, *errors: int) -> dict:
    """The success responses plus the error bodies: 400, 401 and 422 always, and `errors`.

    400 answers a body that is not JSON (ninja's parse error), 422 input that does not
    validate; both can reach any operation that reads input, so every one declares them.
    """
    return {
        **success,
        400: ErrorOut,
        401: ErrorOut,
        **dict.fromkeys(errors, ErrorOut),
        422: InvalidOut,
    }
