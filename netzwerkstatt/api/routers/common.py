"""What every router shares: documented responses and pagination."""

from ninja.pagination import LimitOffsetPagination, paginate

from netzwerkstatt.api.schemas.common import ErrorOut, InvalidOut

MAX_PAGE_SIZE = 100

paginated = paginate(LimitOffsetPagination, max_limit=MAX_PAGE_SIZE)


def responses(success: dict, *errors: int) -> dict:
    """The success responses plus the error bodies: 401 and 422 always, and `errors`."""
    return {
        **success,
        401: ErrorOut,
        **dict.fromkeys(errors, ErrorOut),
        422: InvalidOut,
    }
