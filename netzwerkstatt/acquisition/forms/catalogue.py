from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.scoping import Scope

from .. import selectors
from ..models import Measure, Need

ANY = ("", _("all"))


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class MeasureForm(forms.ModelForm):
    """A measure's fields; the service gets plain values (`service_fields`)."""

    class Meta:
        model = Measure
        fields = [
            "project", "name", "target_group", "effort", "effort_note", "cost", "funded",
            "duration", "needs", "description",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "needs": forms.CheckboxSelectMultiple,
            "cost": forms.NumberInput(attrs={"step": "0.01", "min": "0", "inputmode": "decimal"}),
        }

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = selectors.projects(scope=scope)
        self.fields["project"].empty_label = _("– choose a project –")
        self.fields["needs"].queryset = selectors.need_choices(scope=scope)
        self.fields["effort"].choices = [
            ("", _("– not specified –")),
            *self.fields["effort"].choices[1:],
        ]

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MeasureFilterForm(forms.Form):
    search = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"})
    )
    project = forms.ChoiceField(label=_("Project"), required=False)
    need = forms.ChoiceField(label=_("Need"), required=False)

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = [
            ANY,
            *selectors.projects(scope=scope).values_list("pk", "name"),
        ]
        self.fields["need"].choices = [
            ANY,
            *selectors.need_choices(scope=scope).values_list("pk", "name"),
        ]
