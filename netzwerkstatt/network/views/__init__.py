"""Pages of the network app, one module per page family; below, what the record pages share."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request, default: str) -> str:
    """The `next` the page was opened with, if it stays on this site; else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its fields where the form has them."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        name = field if field in form.fields and field != NON_FIELD_ERRORS else None
        form.add_error(name, messages)
