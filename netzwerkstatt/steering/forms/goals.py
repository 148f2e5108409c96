from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import OrganisationKind, SizeClass

from ..enums import IndicatorKind
from ..models import Goal, ProgressEntry

ANY = ("", _("any"))
# The indicator parameters each kind shows (form field names = parameter names).
PARAMETER_FIELDS = {
    IndicatorKind.MANUAL: (),
    IndicatorKind.MEMBER_ORGANISATIONS: ("kind", "sector", "district", "size_class"),
    IndicatorKind.TOPIC_COVERAGE: ("min_members", "all_topics"),
    IndicatorKind.MEETING_ATTENDANCE: (),
}


def sector_choices() -> list:
    """WZ 2008 sections (a letter counts its divisions) and divisions, grouped by section."""
    return [
        ANY,
        (_("Sections"), [(entry.code, str(entry)) for entry in wz2008.sections()]),
        *wz2008.division_choices(),
    ]


class GoalForm(forms.ModelForm):
    """A goal with the parameters of its indicator; `service_fields` gives the service's."""

    kind = forms.ChoiceField(label=_("Organisation kind"), required=False)
    sector = forms.ChoiceField(label=_("Sector (WZ 2008)"), required=False)
    district = forms.CharField(
        label=_("District (Landkreis)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"list": "goal-districts"}),
    )
    size_class = forms.ChoiceField(label=_("Size class"), required=False)
    min_members = forms.IntegerField(
        label=_("Members per topic outside the project staff"),
        required=False,
        min_value=1,
        initial=2,
    )
    all_topics = forms.BooleanField(
        label=_("Target: every topic of the network"),
        required=False,
        help_text=_("The target then follows the number of topics."),
    )

    class Meta:
        model = Goal
        fields = ["title", "indicator", "target_value", "unit", "target_date", "description"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "target_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "target_value": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [ANY, *OrganisationKind.choices]
        self.fields["sector"].choices = sector_choices()
        self.fields["size_class"].choices = [ANY, *SizeClass.choices]
        self.fields["target_value"].help_text = _(
            "For example 10 companies, 2 topics or 12 attendees."
        )
        if self.instance.pk and not self.is_bound:
            for name, value in self.instance.indicator_filter.items():
                if name in self.fields:
                    self.initial[name] = value

    @property
    def indicator(self) -> str:
        """The chosen kind (as submitted, else the goal's or the default)."""
        value = self.data.get("indicator") if self.is_bound else self.initial.get("indicator")
        value = value or self.instance.indicator
        return value if value in IndicatorKind.values else IndicatorKind.MANUAL

    def parameter_fields(self) -> list:
        return [self[name] for name in PARAMETER_FIELDS[IndicatorKind(self.indicator)]]

    def clean(self):
        cleaned = super().clean()
        if self.indicator == IndicatorKind.TOPIC_COVERAGE and not cleaned.get("min_members"):
            self.add_error(
                "min_members",
                _("Enter how many members outside the project staff a topic needs."),
            )
        return cleaned

    def service_fields(self) -> dict:
        data = self.cleaned_data
        kind = IndicatorKind(data["indicator"])
        return {
            **{name: data[name] for name in self.Meta.fields},
            "indicator_filter": {name: data[name] for name in PARAMETER_FIELDS[kind]},
        }


class ProgressEntryForm(forms.ModelForm):
    class Meta:
        model = ProgressEntry
        fields = ["recorded_on", "value", "note"]
        widgets = {
            "recorded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "value": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class SnapshotForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What explains the value, e.g. who joined or which meeting it follows."),
    )
