"""The data subject's rights on a person's page: what is held, the export, the erasure."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.scoping import Scope

from .. import access, erasure

PANEL_TEMPLATE = "privacy/_person_panel.html"


def person_panel(*, scope: Scope, subject) -> dict | None:
    """The "Data protection" section of a person's page (`PrivacyConfig.contact_panels`):
    the way to the access export and the erasure, for whoever may do them."""
    if not isinstance(subject, Person):
        return None
    can_export = scope.can(access.PERMISSION)
    can_erase = scope.can(erasure.PERMISSION)
    if not (can_export or can_erase):
        return None
    return {
        "template": PANEL_TEMPLATE,
        "person": subject,
        "can_export": can_export,
        "can_erase": can_erase,
    }


def _person_or_erased(request, pk: int) -> Person | None:
    """The workspace's person; None if the audit log says it was erased here; else 404."""
    person = request.scope.objects(Person).filter(pk=pk).first()
    if person is not None:
        return person
    if erasure.person_was_erased(scope=request.scope, person_pk=pk):
        return None
    raise Http404(Person._meta.verbose_name)


def _already_erased(request):
    messages.info(request, _("This person has already been erased."))
    return redirect("contacts:person_list")


def _plan(report: access.AccessReport) -> list[dict]:
    """Per kind of record: how many there are and what erasure does to them."""
    return [
        {
            "title": section.title,
            "count": len(section.records),
            "effect": erasure.effect(section.subject),
        }
        for section in report.sections
    ]


@require_GET
@scoped_view(permission=access.PERMISSION)
def subject_overview(request, pk: int):
    person = _person_or_erased(request, pk)
    if person is None:
        return _already_erased(request)
    report = access.access_report(scope=request.scope, person=person)
    context = {
        "person": person,
        "report": report,
        "plan": _plan(report),
        "can_erase": request.scope.can(erasure.PERMISSION),
    }
    return render(request, "privacy/subject_overview.html", context)


# The export's formats: the function writing it and its content type, by file extension.
EXPORTS = {
    "json": (access.access_export_json, "application/json; charset=utf-8"),
    "zip": (access.access_export_zip, "application/zip"),
    "pdf": (access.access_export_pdf, "application/pdf"),
}


@require_GET
@scoped_view(permission=access.PERMISSION)
def subject_export(request, pk: int, extension: str):
    """Everything about the person as a download in one of `EXPORTS`' formats."""
    person = _person_or_erased(request, pk)
    if person is None:
        return _already_erased(request)
    export, content_type = EXPORTS[extension]
    response = HttpResponse(export(scope=request.scope, person=person), content_type=content_type)
    filename = f"auskunft-{person.pk}-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@scoped_view(permission=erasure.PERMISSION)
def subject_erase(request, pk: int):
    """GET explains what erasure does and asks for confirmation; POST erases."""
    person = _person_or_erased(request, pk)
    if person is None:
        return _already_erased(request)
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") == "yes":
            result = erasure.person_erase(scope=request.scope, person=person)
            if result.already_erased:
                return _already_erased(request)
            messages.success(
                request,
                _(
                    "The person has been erased: %(records)s records about them were deleted "
                    "or detached, %(mentions)s mentions in texts replaced."
                )
                % {"records": sum(result.records.values()), "mentions": result.mentions},
            )
            return redirect("contacts:person_list")
        error = _("Please confirm that the person is to be erased.")
    report = access.access_report(scope=request.scope, person=person)
    context = {
        "person": person,
        "report": report,
        "plan": _plan(report),
        "error": error,
        "can_export": request.scope.can(access.PERMISSION),
    }
    return render(request, "privacy/subject_erase.html", context, status=400 if error else 200)
