"""Security middleware of our own: the size of request bodies, the Permissions-Policy header
and the Content Security Policy of PDFs.

Django limits the non-file part of a request body (DATA_UPLOAD_MAX_MEMORY_SIZE) but
not uploaded files, which it spools to disk as they arrive; and the CSRF check reads
a form's body before any view runs. `RequestSizeMiddleware` therefore sits before
the CSRF middleware and answers 413 from the Content-Length header alone, without
reading a byte: with the limit a view declares with `upload_limit`, else with
DATA_UPLOAD_MAX_MEMORY_SIZE. A request without Content-Length has an empty body
for Django, so the header is all there is to check.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

Limit = int | Callable[[], int]


def upload_limit(max_bytes: Limit):
    """Declare the largest request body (in bytes, or a function returning them) a view takes.

    The attribute travels through decorators built with functools.wraps.
    """

    def decorator(view):
        view.upload_max_bytes = max_bytes
        return view

    return decorator


def request_max_bytes(view) -> int | None:
    limit = getattr(view, "upload_max_bytes", None)
    if limit is None:
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return limit() if callable(limit) else limit


class RequestSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        limit = request_max_bytes(view)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is None or length <= limit:
            return None
        if request.path_info.startswith("/api/"):
            detail = _("The request is larger than %(limit)s.") % {"limit": filesizeformat(limit)}
            return JsonResponse({"detail": detail}, status=413)
        return render(
            request,
            "core/request_too_large.html",
            {"limit": filesizeformat(limit)},
            status=413,
        )


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


# Chrome shows a PDF in a page of its own viewer, embedded like a plugin and styled inline:
# the pages' policy (object-src 'none', style-src 'self') leaves it blank
# (crbug.com/271452), and so does a sandbox. A PDF runs none of our scripts, so it only
# keeps other sites from framing it.
PDF_POLICY = "frame-ancestors 'none'"


class PdfPolicyMiddleware:
    """Gives PDFs PDF_POLICY; listed after django-csp's middleware, so it answers first and
    django-csp leaves a response that has a policy as it is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("application/pdf"):
            response.headers.setdefault("Content-Security-Policy", PDF_POLICY)
        return response
