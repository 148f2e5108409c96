from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.decorators import scoped_view

from .. import selectors, services
from ..forms import NoteForm
from ..models import Note, Organisation, Person

SUBJECT_MODELS = {"organisation": Organisation, "person": Person}


@require_POST
@scoped_view(permission="change_contacts")
def note_create(request, subject_type: str, pk: int):
    """Add a note to an organisation's or a person's timeline; htmx gets the new timeline."""
    subject = request.scope.get(SUBJECT_MODELS[subject_type], pk=pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.note_create(scope=request.scope, subject=subject, text=form.cleaned_data["text"])
        form = NoteForm()
    if request.htmx:
        context = {
            "subject": subject,
            "timeline": selectors.timeline(scope=request.scope, subject=subject),
            "note_form": form,
        }
        return render(request, "contacts/_timeline.html", context)
    if form.errors:
        messages.error(request, _("The note was not saved: it is empty or too long."))
    return redirect(subject)


@require_POST
@scoped_view(permission="change_contacts")
def note_delete(request, pk: int):
    note = request.scope.get(Note, pk=pk)
    subject = note.subject
    services.note_delete(scope=request.scope, note=note)
    messages.success(request, _("The note has been deleted."))
    return redirect(subject)
