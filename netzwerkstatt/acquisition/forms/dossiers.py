"""Forms of the company dossier: its facts, research notes, needs and decision makers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.scoping import Scope

from .. import selectors
from ..models import DecisionMaker, Dossier, IdentifiedNeed, ResearchNote

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DossierFilterForm(forms.Form):
    project = forms.ChoiceField(label=_("Project"), required=False)
    search = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"})
    )

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = [
            ("", _("all projects")),
            *selectors.projects(scope=scope).values_list("pk", "name"),
        ]


class DossierOpenForm(forms.Form):
    """Open (or create) the company's dossier in a project, from the company's page."""

    project = forms.ModelChoiceField(label=_("Project"), queryset=None, empty_label=None)

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = selectors.projects(scope=scope)


class DossierForm(forms.ModelForm):
    """The current situation and the structured facts."""

    # Declared here so the form checks the range itself: the model validator's message
    # has a bare "%" that breaks when Django formats it.
    share_50_plus = forms.IntegerField(
        label=_("share of staff aged 50 and over (%)"),
        required=False,
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"min": "0", "max": "100"}),
        error_messages={
            "invalid": _("Enter the share as a whole number from 0 to 100."),
            "min_value": _("Enter the share as a whole number from 0 to 100."),
            "max_value": _("Enter the share as a whole number from 0 to 100."),
        },
    )

    class Meta:
        model = Dossier
        fields = ["situation", "share_50_plus", "open_positions", "recent_events"]
        widgets = {
            "situation": forms.Textarea(attrs={"rows": 5}),
            "recent_events": forms.Textarea(attrs={"rows": 3}),
            "open_positions": forms.NumberInput(attrs={"min": "0"}),
        }
        error_messages = {
            "open_positions": {
                "invalid": _("Enter the number of open positions as a whole number."),
                "min_value": _("The number of open positions must not be negative."),
            },
        }

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ResearchNoteForm(forms.ModelForm):
    class Meta:
        model = ResearchNote
        fields = ["text", "source", "noted_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "noted_on": DATE_WIDGET}
        error_messages = {"text": {"required": _("Write down what you found.")}}


class IdentifiedNeedForm(forms.ModelForm):
    class Meta:
        model = IdentifiedNeed
        fields = ["need", "evidence"]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "evidence": _("What shows the need, e.g. “two master craftsmen retire in 2027”.")
        }
        error_messages = {"need": {"required": _("Choose a need from the vocabulary.")}}

    def __init__(self, *args, scope: Scope, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = selectors.needs_available(scope=scope, dossier=dossier)
        self.fields["need"].empty_label = _("– choose a need –")


class DecisionMakerForm(forms.ModelForm):
    class Meta:
        model = DecisionMaker
        fields = ["person", "role", "note"]
        error_messages = {
            "person": {"required": _("Choose a person of the company.")},
            "role": {"required": _("Choose the part the person plays in the decision.")},
        }

    def __init__(self, *args, scope: Scope, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = selectors.decision_maker_choices(
            scope=scope, dossier=dossier
        )
        self.fields["person"].empty_label = _("– choose a person –")
        self.fields["person"].help_text = _("Persons with a function at the company.")
