"""The team's documentation page of an event: photos, presentations, the public report's switch.

Files (photos, thumbnails, presentations) reach the team's browsers only through
the scoped views at the end, never through MEDIA_URL.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.security import upload_limit
from netzwerkstatt.core.services import activity_record

from ..documentation import photos, presentations, report
from ..documentation.pdf import report_pdf
from ..documentation_forms import (
    PhotoForm,
    PhotoUploadForm,
    PresentationForm,
    PresentationUploadForm,
    ReportSettingsForm,
)
from ..models import Event, Photo, Presentation

VIEW = "view_events"
CHANGE = "change_events"
PHOTOS_PER_PAGE = 24
# What a form with one file sends besides the file: the other fields and the multipart framing.
FORM_OVERHEAD_BYTES = 1024 * 1024


@require_GET
@scoped_view(permission=VIEW)
def event_documentation(request, pk: int):
    event = request.scope.get(Event, pk=pk)
    return _page(request, event)


@upload_limit(lambda: settings.NETZWERKSTATT_PHOTO_UPLOAD_MAX_BYTES)
@require_POST
@scoped_view(permission=CHANGE)
def photo_upload(request, pk: int):
    event = request.scope.get(Event, pk=pk)
    consents = photos.event_consents(event=event)
    form = PhotoUploadForm(
        request.POST, request.FILES, scope=request.scope, event=event, consents=consents
    )
    if form.is_valid():
        try:
            uploaded = photos.photos_upload(
                scope=request.scope,
                event=event,
                files=form.cleaned_data["photos"],
                caption=form.cleaned_data["caption"],
                people=form.cleaned_data["people"],
                table_round=form.cleaned_data["table_round"],
            )
        except ValidationError as error:
            form.add_error("photos", error)
        else:
            count = len(uploaded)
            messages.success(
                request,
                ngettext("%(count)s photo uploaded.", "%(count)s photos uploaded.", count)
                % {"count": count},
            )
            return redirect(_documentation_url(event, "photos"))
    return _page(request, event, upload_form=form)


@scoped_view(permission=CHANGE)
def photo_update(request, pk: int):
    photo = photos.photo_detail(scope=request.scope, pk=pk)
    event = photo.event
    consents = photos.event_consents(event=event)
    options = {"scope": request.scope, "event": event, "consents": consents, "photo": photo}
    if request.method == "POST":
        form = PhotoForm(request.POST, **options)
        if form.is_valid():
            try:
                photos.photo_update(scope=request.scope, photo=photo, **_photo_values(form))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The photo has been saved."))
                return redirect(_documentation_url(event, f"photo-{photo.pk}"))
    else:
        form = PhotoForm(
            initial={
                "caption": photo.caption,
                "people": list(photo.people.all()),
                "table_round": photo.table_round_id,
            },
            **options,
        )
    row = photos.photo_rows(photos=[photo], consents=consents)[0]
    context = {
        "event": event,
        "photo": photo,
        "card": _cards([row])[0],
        "form": form,
    }
    return render(request, "events/documentation_photo_form.html", context)


@scoped_view(permission=CHANGE)
def photo_delete(request, pk: int):
    photo = photos.photo_detail(scope=request.scope, pk=pk)
    event = photo.event
    if request.method == "POST":
        photos.photo_delete(scope=request.scope, photo=photo)
        messages.success(request, _("The photo has been deleted."))
        return redirect(_documentation_url(event, "photos"))
    context = {"event": event, "photo": photo, "object": photo}
    return render(request, "events/documentation_confirm_delete.html", context)


@upload_limit(presentations.MAX_BYTES + FORM_OVERHEAD_BYTES)
@require_POST
@scoped_view(permission=CHANGE)
def presentation_upload(request, pk: int):
    event = request.scope.get(Event, pk=pk)
    form = PresentationUploadForm(request.POST, request.FILES, scope=request.scope, event=event)
    if form.is_valid():
        try:
            presentations.presentation_create(
                scope=request.scope,
                event=event,
                file=form.cleaned_data["file"],
                **_presentation_values(form),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The presentation has been uploaded."))
            return redirect(_documentation_url(event, "presentations"))
    return _page(request, event, presentation_form=form)


@scoped_view(permission=CHANGE)
def presentation_update(request, pk: int):
    presentation = request.scope.get(Presentation, pk=pk)
    event = presentation.event
    if request.method == "POST":
        form = PresentationForm(request.POST, scope=request.scope, event=event)
        if form.is_valid():
            try:
                presentations.presentation_update(
                    scope=request.scope, presentation=presentation, **_presentation_values(form)
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The presentation has been saved."))
                return redirect(_documentation_url(event, "presentations"))
    else:
        form = PresentationForm(
            initial={
                "title": presentation.title,
                "programme_item": presentation.programme_item_id,
                "speaker": presentation.speaker_id,
                "public": presentation.public,
            },
            scope=request.scope,
            event=event,
        )
    context = {"event": event, "presentation": presentation, "form": form}
    return render(request, "events/documentation_presentation_form.html", context)


@scoped_view(permission=CHANGE)
def presentation_delete(request, pk: int):
    presentation = request.scope.get(Presentation, pk=pk)
    event = presentation.event
    if request.method == "POST":
        presentations.presentation_delete(scope=request.scope, presentation=presentation)
        messages.success(request, _("The presentation has been deleted."))
        return redirect(_documentation_url(event, "presentations"))
    context = {"event": event, "presentation": presentation, "object": presentation}
    return render(request, "events/documentation_confirm_delete.html", context)


@require_POST
@scoped_view(permission=CHANGE)
def report_settings(request, pk: int):
    event = request.scope.get(Event, pk=pk)
    form = ReportSettingsForm(request.POST)
    if not form.is_valid():
        return _page(request, event, report_form=form)
    was_published = event.report_published
    report.report_settings_update(
        scope=request.scope,
        event=event,
        published=form.cleaned_data["published"],
        summary=form.cleaned_data["summary"],
    )
    if event.report_published and not was_published:
        messages.success(request, _("The report is published. Share its link."))
    elif was_published and not event.report_published:
        messages.success(request, _("The report is no longer public; its link leads nowhere."))
    else:
        messages.success(request, _("The report's settings have been saved."))
    return redirect(_documentation_url(event, "report"))


@require_POST
@scoped_view(permission=CHANGE)
def report_token_renew(request, pk: int):
    event = request.scope.get(Event, pk=pk)
    report.report_token_renew(scope=request.scope, event=event)
    messages.success(request, _("The report has a new link; the old one no longer works."))
    return redirect(_documentation_url(event, "report"))


@require_GET
@scoped_view(permission=VIEW)
def report_preview(request, pk: int):
    """The report as the public will see it, whether published or not."""
    event = request.scope.get(Event, pk=pk)
    content = report.report_content(event=event)
    link_files(content, public_token=None)
    context = {
        "content": content,
        "event": event,
        "preview": True,
        "pdf_url": reverse("events:report_preview_pdf", args=[event.pk]),
    }
    return render(request, "events/report.html", context)


@require_GET
@scoped_view(permission=VIEW)
def report_preview_pdf(request, pk: int):
    event = request.scope.get(Event, pk=pk)
    response = report_pdf_response(event, inline=True)
    activity_record(
        scope=request.scope,
        action=Action.EXPORTED,
        target=event,
        details={"export": "event_report", "format": "pdf"},
    )
    return response


# ----------------------------------------------------------------------- files, scoped


@require_GET
@scoped_view(permission=VIEW)
def photo_image(request, pk: int):
    return image_response(request.scope.get(Photo, pk=pk).image)


@require_GET
@scoped_view(permission=VIEW)
def photo_thumbnail(request, pk: int):
    return image_response(request.scope.get(Photo, pk=pk).thumbnail)


@require_GET
@scoped_view(permission=VIEW)
def presentation_file(request, pk: int):
    return presentation_response(request.scope.get(Presentation, pk=pk))


def image_response(image) -> HttpResponse:
    """The image's bytes, read and closed at once: photos are small after re-encoding, and a
    browser that navigates away mid-download leaves no file open behind.

    Only what `images.image_process` wrote is stored (JPEG or PNG under a random name), so
    the name's extension is the content's type.
    """
    if not image.name or not image.storage.exists(image.name):
        raise Http404
    with image.storage.open(image.name, "rb") as file:
        content = file.read()
    name = PurePosixPath(image.name).name
    content_type = IMAGE_TYPES.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")
    response = HttpResponse(content, content_type=content_type)
    response.headers["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=name
    )
    return _private_file(response)


IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


def presentation_response(presentation: Presentation) -> FileResponse:
    if not presentation.file.name or not presentation.file.storage.exists(presentation.file.name):
        raise Http404
    response = FileResponse(
        presentation.file.open("rb"),
        as_attachment=True,
        filename=presentations.presentation_filename(presentation),
        content_type="application/pdf",
    )
    return _private_file(response)


def report_pdf_response(event: Event, *, inline: bool) -> FileResponse:
    """The report as one PDF; photos are embedded from the media folder (thumbnails)."""
    pdf = report_pdf(content=report.report_content(event=event))
    disposition = "inline" if inline else "attachment"
    response = FileResponse(
        iter([pdf]),
        content_type="application/pdf",
        headers={"Content-Disposition": f'{disposition}; filename="{_pdf_name(event)}"'},
    )
    return _private_file(response)


def _private_file(response):
    """Files may change or vanish (a consent withdrawn, a photo deleted): no shared caches.

    An image opened on its own runs in a sandbox; a PDF gets `core.security.PDF_POLICY`,
    because Chrome's PDF viewer does not work in one.
    """
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["X-Content-Type-Options"] = "nosniff"
    if not response["Content-Type"].startswith("application/pdf"):
        response.headers["Content-Security-Policy"] = "sandbox"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _pdf_name(event: Event) -> str:
    return f"{slugify(event.title) or 'veranstaltung'}-bericht.pdf"


FILE_VIEWS = {
    "image": "events:photo_image",
    "thumbnail": "events:photo_thumbnail",
    "presentation": "events:presentation_file",
}
PUBLIC_FILE_VIEWS = {
    "image": "events:report_photo",
    "thumbnail": "events:report_thumbnail",
    "presentation": "events:report_presentation",
}


def link_files(content: report.ReportContent, *, public_token: str | None) -> None:
    """Give each photo and presentation of the report the address of the view serving its file.

    With a token, the public views (which check the token and the publication rule);
    without, the team's scoped views (the preview).
    """

    def address(kind: str, pk: int) -> str:
        if public_token is None:
            return reverse(FILE_VIEWS[kind], args=[pk])
        return reverse(PUBLIC_FILE_VIEWS[kind], args=[public_token, pk])

    for photo in [*content.photos, *(p for result in content.results for p in result.photos)]:
        photo.image_url = address("image", photo.pk)
        photo.thumbnail_url = address("thumbnail", photo.pk)
    for presentation in content.presentations:
        presentation.download_url = address("presentation", presentation.pk)


# ------------------------------------------------------------------------------ the page


def _page(request, event, *, upload_form=None, presentation_form=None, report_form=None):
    scope = request.scope
    consents = photos.event_consents(event=event)
    page = paginate(request, photos.photo_list(scope=scope, event=event), per_page=PHOTOS_PER_PAGE)
    rows = photos.photo_rows(photos=page.object_list, consents=consents)
    context = {
        "event": event,
        "page": page,
        "cards": _cards(rows),
        "presentations": list(presentations.presentation_list(scope=scope, event=event)),
        "can_change": scope.can(CHANGE),
    }
    if event.report_published and event.report_token:
        context["report_link"] = request.build_absolute_uri(
            reverse("events:report", args=[event.report_token])
        )
    if context["can_change"]:
        initial = {}
        table_round = request.GET.get("table_round", "")
        if table_round.isdigit():
            initial["table_round"] = int(table_round)
        context |= {
            "upload_form": upload_form
            or PhotoUploadForm(scope=scope, event=event, consents=consents, initial=initial),
            "presentation_form": presentation_form
            or PresentationUploadForm(scope=scope, event=event),
            "report_form": report_form
            or ReportSettingsForm(
                initial={"published": event.report_published, "summary": event.report_summary}
            ),
        }
    return render(request, "events/documentation.html", context)


def _cards(rows) -> list[dict]:
    """Each photo with its publication and the persons keeping it from the public."""
    people = photos.publication_people(rows=rows)
    return [
        {
            "photo": row.photo,
            "publication": row.publication,
            "not_invited": [people[pk] for pk in row.publication.not_invited],
            "without_consent": [people[pk] for pk in row.publication.without_consent],
        }
        for row in rows
    ]


def _photo_values(form) -> dict:
    return {
        "caption": form.cleaned_data["caption"],
        "people": form.cleaned_data["people"],
        "table_round": form.cleaned_data["table_round"],
    }


def _presentation_values(form) -> dict:
    return {
        name: form.cleaned_data[name] for name in ("title", "programme_item", "speaker", "public")
    }


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _documentation_url(event: Event, anchor: str) -> str:
    return f"{reverse('events:event_documentation', args=[event.pk])}#{anchor}"
