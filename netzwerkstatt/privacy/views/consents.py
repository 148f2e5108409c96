"""The "Consents" section of a person's page: list, record, withdraw (htmx in place).

Without JavaScript the forms post to the same views, which redirect back to the
person's page (or show the form with its errors on a page of its own).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.views import add_service_errors

from .. import consents
from ..forms import ConsentForm

PANEL_TEMPLATE = "privacy/_consent_panel.html"


def consent_panel(*, scope: Scope, subject, form: ConsentForm | None = None, notice: str = ""):
    """The section on a person's page (`PrivacyConfig.contact_panels`); team only."""
    if not isinstance(subject, Person) or not scope.can(consents.VIEW):
        return None
    can_change = scope.can(consents.CHANGE)
    if can_change and form is None:
        form = ConsentForm(prefix="consent")
    return {
        "template": PANEL_TEMPLATE,
        "person": subject,
        "consents": list(consents.consent_list(scope=scope, person=subject)),
        "can_change": can_change,
        "form": form,
        "open_form": form is not None and form.is_bound,
        "notice": notice,
    }


def _answer(request, person: Person, *, notice: str = "", form: ConsentForm | None = None):
    """The refreshed section (htmx), or back to the person's page without JavaScript."""
    if request.htmx:
        panel = consent_panel(scope=request.scope, subject=person, form=form, notice=notice)
        return render(request, PANEL_TEMPLATE, {"panel": panel})
    if form is not None:
        return render(
            request, "privacy/consent_form.html", {"person": person, "form": form}, status=400
        )
    if notice:
        messages.success(request, notice)
    return redirect(person)


@scoped_view(permission=consents.CHANGE)
def consent_create(request, pk: int):
    person = request.scope.get(Person, pk=pk)
    if request.method != "POST":
        form = ConsentForm(prefix="consent")
        return render(request, "privacy/consent_form.html", {"person": person, "form": form})
    form = ConsentForm(request.POST, prefix="consent")
    if form.is_valid():
        try:
            consents.consent_add(scope=request.scope, person=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _answer(request, person, notice=_("The consent has been recorded."))
    return _answer(request, person, form=form)


@require_POST
@scoped_view(permission=consents.CHANGE)
def consent_withdraw(request, pk: int):
    scope = request.scope
    consent = consents.consent_get(scope=scope, pk=pk)
    try:
        consents.consent_withdraw(scope=scope, consent=consent)
    except ValidationError as error:
        notice = " ".join(error.messages)
    else:
        notice = _("The withdrawal has been recorded; the consent stays on record.")
    return _answer(request, consent.person, notice=notice)
