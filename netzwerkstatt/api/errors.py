"""Every API error as JSON with a German `detail` (the language the request is served in).

Django's Http404, PermissionDenied and ValidationError raised by selectors and
services, ninja's own errors (authentication, unreadable bodies) and pydantic's
validation errors all end here, in one shape: `{"detail": …}`, plus `errors`
(field path → messages) for invalid input.
"""

import re
from functools import partial

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Field, Model
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as RequestValidationError

from .schemas.common import NOT_BLANK

# pydantic error types (https://docs.pydantic.dev/latest/errors/validation_errors/) in
# German; placeholders are the keys of the error's `ctx`.
FIELD_MESSAGES = {
    "missing": gettext_lazy("This field is required."),
    "string_type": gettext_lazy("Enter text."),
    "int_type": gettext_lazy("Enter a whole number."),
    "int_parsing": gettext_lazy("Enter a whole number."),
    "int_from_float": gettext_lazy("Enter a whole number."),
    "bool_type": gettext_lazy("Enter true or false."),
    "bool_parsing": gettext_lazy("Enter true or false."),
    "enum": gettext_lazy("Choose one of these values: %(expected)s."),
    "literal_error": gettext_lazy("Choose one of these values: %(expected)s."),
    "list_type": gettext_lazy("Enter a list."),
    "dict_type": gettext_lazy("Enter an object."),
    "model_type": gettext_lazy("Enter an object."),
    "model_attributes_type": gettext_lazy("Enter an object."),
    "date_type": gettext_lazy("Enter a date as YYYY-MM-DD."),
    "date_parsing": gettext_lazy("Enter a date as YYYY-MM-DD."),
    "date_from_datetime_parsing": gettext_lazy("Enter a date as YYYY-MM-DD."),
    "date_from_datetime_inexact": gettext_lazy("Enter a date as YYYY-MM-DD."),
    "greater_than_equal": gettext_lazy("Enter a value of at least %(ge)s."),
    "less_than_equal": gettext_lazy("Enter a value of at most %(le)s."),
    "string_too_long": gettext_lazy("Enter at most %(max_length)s characters."),
    "string_too_short": gettext_lazy("Enter at least %(min_length)s characters."),
    "extra_forbidden": gettext_lazy("This field is unknown."),
    "json_invalid": gettext_lazy("The request body is not valid JSON."),
}
STATUS_MESSAGES = {
    400: gettext_lazy("The request body could not be read; send JSON."),
    401: gettext_lazy(
        "Authentication required: send a valid API token as “Authorization: Bearer <token>”."
    ),
    403: gettext_lazy("You do not have permission to do this."),
    404: gettext_lazy("Not found."),
    422: gettext_lazy("The input is invalid."),
}
_QUOTED = re.compile(r"'([^']*)'")


def register_error_handlers(api: NinjaAPI, *, path_objects: dict[str, type[Model]]) -> None:
    """Answer errors in one shape; `path_objects` maps path parameters to the model they name."""
    api.add_exception_handler(Http404, _not_found)
    api.add_exception_handler(PermissionDenied, _permission_denied)
    api.add_exception_handler(ValidationError, _invalid_model)
    api.add_exception_handler(
        RequestValidationError, partial(_invalid_request, path_objects=path_objects)
    )
    api.add_exception_handler(HttpError, _http_error)


def error_response(*, status: int, errors: dict[str, list[str]] | None = None) -> JsonResponse:
    body = {"detail": str(STATUS_MESSAGES[status])}
    if errors is not None:
        body["errors"] = errors
    response = JsonResponse(body, status=status)
    if status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response


def _not_found(request: HttpRequest, exc: Http404) -> JsonResponse:
    return error_response(status=404)


def _permission_denied(request: HttpRequest, exc: PermissionDenied) -> JsonResponse:
    return error_response(status=403)


def _invalid_model(request: HttpRequest, exc: ValidationError) -> JsonResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    return error_response(status=422, errors=errors)


def _invalid_request(
    request: HttpRequest, exc: RequestValidationError, *, path_objects: dict[str, type[Model]]
) -> JsonResponse:
    if _names_object_outside_scope(request, path_objects):
        return error_response(status=404)
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        errors.setdefault(_field_path(error["loc"]), []).append(_field_message(error))
    return error_response(status=422, errors=errors)


def _http_error(request: HttpRequest, exc: HttpError) -> JsonResponse:
    if exc.status_code in STATUS_MESSAGES:
        return error_response(status=exc.status_code)
    return JsonResponse({"detail": str(exc)}, status=exc.status_code)


def _names_object_outside_scope(request: HttpRequest, path_objects: dict[str, type[Model]]) -> bool:
    """Whether the path names an object the request's scope does not contain.

    Ninja validates the input before the handler looks the object up. Such a request
    must be 404 whatever was sent, as if the input were valid, so that another
    workspace's objects answer alike to every request.
    """
    try:
        for name, value in request.resolver_match.kwargs.items():
            if name in path_objects:
                request.scope.get(path_objects[name], pk=value)
    except Http404:
        return True
    return False


def _field_path(loc: tuple) -> str:
    """`("body", "payload", "emails", 0, "address")` → `"emails.0.address"`.

    A body's location starts with the source and the handler's parameter name,
    a query's or path's with the source only; neither means anything to a client.
    """
    path = loc[2:] if loc[0] == "body" else loc[1:]
    return ".".join(str(part) for part in path) or NON_FIELD_ERRORS


def _field_message(error: dict) -> str:
    context = dict(error.get("ctx", {}))
    if error["type"] == "value_error":
        # Raised by our own validators, with a message already in the request's language.
        return str(context["error"])
    if error["type"] == "string_pattern_mismatch" and context.get("pattern") == NOT_BLANK:
        return str(Field.default_error_messages["blank"])
    if "expected" in context:
        context["expected"] = ", ".join(_QUOTED.findall(context["expected"]))
    message = FIELD_MESSAGES.get(error["type"])
    if message is None:
        return _("Enter a valid value.")
    return str(message) % context
