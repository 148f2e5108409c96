"""Forms of the pipeline: moving a card, the approach plan, agreed measures, stages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project, User
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.forms import NodeChoiceField, ScopedForm, node_label
from netzwerkstatt.network.selectors import node_key_of, workspace_users

from ..enums import Channel, StageKind
from ..models import Approach, ApproachMeasure, Measure, Stage
from ..selectors import pipeline as selectors

ANY = ("", _("all"))
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MoveForm(forms.Form):
    """A card's new stage and its place there (0 = top; empty = at the end)."""

    stage = forms.ModelChoiceField(label=_("Move to"), queryset=Stage.objects.none())
    position = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, stages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = stages
        self.fields["stage"].error_messages["invalid_choice"] = _(
            "Choose a stage of this project's pipeline."
        )


class ApproachFilterForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    owner = forms.ChoiceField(label=_("Responsible"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=[ANY, *Channel.choices])

    def __init__(self, *args, scope: Scope, stages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [ANY, *((stage.pk, stage.name) for stage in stages)]
        self.fields["owner"].choices = [
            ANY,
            *((user.pk, str(user)) for user in workspace_users(scope=scope)),
        ]


class ApproachForm(ScopedForm):
    """The approach plan. The contact is one of the company's current people; the
    introducer any person, picked by search, with the people on the best warm paths
    offered first."""

    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    contact_person = forms.ModelChoiceField(
        label=_("Person to contact"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("– not chosen yet –"),
    )
    introducer = NodeChoiceField(
        label=_("Introduced by"),
        types=("person",),
        required=False,
        help_text=_("Who opens the door: for a warm introduction or a recommendation."),
    )
    owner = forms.ModelChoiceField(
        label=_("Responsible"), queryset=User.objects.none(), required=False, empty_label="–"
    )
    next_step = forms.CharField(label=_("Next step"), max_length=300, required=False)
    next_step_on = forms.DateField(label=_("Next step on"), required=False, widget=DATE_WIDGET)
    closing_note = forms.CharField(
        label=_("Why it ended"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("e.g. the reason for a refusal"),
    )

    FIELDS = ("channel", "contact_person", "introducer", "owner", "next_step", "next_step_on",
              "closing_note")  # fmt: skip

    def __init__(self, *args, scope: Scope, approach: Approach, suggestions=(), **kwargs):
        kwargs.setdefault("initial", {name: getattr(approach, name) for name in self.FIELDS})
        super().__init__(*args, scope=scope, **kwargs)
        self.fields["contact_person"].queryset = selectors.company_people(
            scope=scope, organisation=approach.organisation
        )
        self.fields["contact_person"].label_from_instance = lambda person: person.full_name
        self.fields["owner"].queryset = workspace_users(scope=scope)
        self.suggestions = list(suggestions)
        if self.suggestions:
            offered = {key for key, _label in self.fields["introducer"].widget.choices}
            extra = [
                (node_key_of(person), node_label(person))
                for person in self.suggestions
                if node_key_of(person) not in offered
            ]
            if extra:
                self.fields["introducer"].widget.choices = [
                    *self.fields["introducer"].widget.choices,
                    (_("From the best warm paths"), extra),
                ]

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIELDS}


class AgreementForm(forms.Form):
    measure = forms.ModelChoiceField(
        label=_("Measure"), queryset=Measure.objects.none(), empty_label=_("– choose a measure –")
    )
    agreed_on = forms.DateField(label=_("Agreed on"), widget=DATE_WIDGET)
    participants = forms.IntegerField(
        label=_("Participants from the company"), required=False, min_value=1, max_value=100_000
    )

    def __init__(self, *args, scope: Scope, approach: Approach, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = selectors.project_measures(
            scope=scope, project_id=approach.project_id
        )


class AgreementUpdateForm(forms.ModelForm):
    class Meta:
        model = ApproachMeasure
        fields = ["agreed_on", "delivered_on", "participants"]
        widgets = {"agreed_on": DATE_WIDGET, "delivered_on": DATE_WIDGET}


class PipelineAddForm(forms.Form):
    """Put a company into a project's pipeline (from the organisation page)."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), widget=forms.HiddenInput
    )
    project = forms.ModelChoiceField(
        label=_("Project"), queryset=Project.objects.none(), empty_label=None
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)

    def __init__(self, *args, scope: Scope, projects=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = scope.objects(Organisation)
        self.fields["project"].queryset = (
            projects if projects is not None else scope.objects(Project).order_by("name", "id")
        )
        self.fields["project"].error_messages["invalid_choice"] = _(
            "Choose a project of this workspace."
        )


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["name", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = StageKind.choices
        self.fields["kind"].help_text = _(
            "What the stage counts as in the figures (funnel, conversion, funder report)."
        )
