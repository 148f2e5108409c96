"""Forms of the "Nachhaltigkeit & Übergabe" page.

Person choices come from the page's overview (computed once for the page), so a list
of many handovers renders its forms without a query per row; the view turns the
chosen ids into persons of the scope.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Network

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _person_choices(persons, empty_label) -> list[tuple]:
    return [("", empty_label), *((person.pk, _label(person)) for person in persons)]


def _label(person) -> str:
    organisations = getattr(person, "network_organisations", "")
    return f"{person.full_name} ({organisations})" if organisations else person.full_name


class CoordinationPlanForm(forms.Form):
    successor_coordinator = forms.TypedChoiceField(
        label=_("takes over coordination"), coerce=int, required=False, empty_value=None
    )
    handover_on = forms.DateField(
        label=_("coordination handed over on"), required=False, widget=DATE_WIDGET
    )
    handover_plan = forms.CharField(
        label=_("handover plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Who takes over which task, and what the network needs to go on without the "
            "project (meeting place, invitations, minutes)."
        ),
    )

    def __init__(self, *args, network: Network, successors, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "successor_coordinator": network.successor_coordinator_id,
                "handover_on": network.handover_on,
                "handover_plan": network.handover_plan,
            },
        )
        super().__init__(*args, **kwargs)
        field = self.fields["successor_coordinator"]
        field.choices = _person_choices(successors, _("– not decided yet –"))
        field.help_text = _("A member of the network, or a colleague who stays after the project.")


class HandoverForm(forms.Form):
    staff = forms.IntegerField(widget=forms.HiddenInput)
    member = forms.IntegerField(widget=forms.HiddenInput)
    successor = forms.TypedChoiceField(
        label=_("successor"), coerce=int, required=False, empty_value=None
    )
    introduce_on = forms.DateField(
        label=_("introduction planned on"), required=False, widget=DATE_WIDGET
    )
    note = forms.CharField(label=_("note"), required=False, max_length=2000)

    def __init__(self, *args, successors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].choices = _person_choices(successors, _("– nobody yet –"))


class HandoverDoneForm(forms.Form):
    introduced_on = forms.DateField(label=_("introduced on"), widget=DATE_WIDGET)


class IntroductionForm(forms.Form):
    first = forms.IntegerField(widget=forms.HiddenInput)
    second = forms.IntegerField(widget=forms.HiddenInput)
    introducer = forms.TypedChoiceField(label=_("introduced by"), coerce=int)
    on = forms.DateField(label=_("date"), widget=DATE_WIDGET)

    def __init__(self, *args, introducers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["introducer"].choices = [(p.pk, p.full_name) for p in introducers]
        self.fields["introducer"].error_messages["required"] = _(
            "Choose who of the team makes the introduction."
        )
