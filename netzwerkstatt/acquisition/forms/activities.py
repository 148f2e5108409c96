from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts import selectors as contact_selectors
from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.selectors import workspace_users

from .. import selectors
from ..models import Activity, Approach

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PARTICIPANT_GROUPS = {
    "company": _("People at the company"),
    "team": _("Project team"),
    "others": _("Others"),
}


class ActivityForm(forms.ModelForm):
    """An activity with a company. Participants are offered grouped (the company's people,
    the team, others already chosen); any person of the workspace is accepted, so a search
    can add more (`views.activities.activity_person_options`)."""

    class Meta:
        model = Activity
        fields = [
            "project", "kind", "occurred_on", "participants", "summary", "outcome",
            "follow_up_on", "follow_up_by",
        ]  # fmt: skip
        widgets = {
            "kind": forms.RadioSelect,
            "occurred_on": DATE_WIDGET,
            "follow_up_on": DATE_WIDGET,
            "participants": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, scope: Scope, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.organisation = organisation
        projects = selectors.projects(scope=scope)
        self.fields["project"].queryset = projects
        self.fields["project"].empty_label = _("– choose a project –")
        self.fields["participants"].queryset = contact_selectors.persons_by_name(scope=scope)
        self.fields["follow_up_by"].queryset = workspace_users(scope=scope)
        self.fields["follow_up_by"].empty_label = "–"
        self.fields["follow_up_on"].help_text = _(
            "It appears on the “Today” page and in the calendar feed of whoever follows up."
        )
        if not self.instance.pk:
            self.initial.setdefault("occurred_on", timezone.localdate())
            self.initial.setdefault("follow_up_by", scope.user)
            self.initial.setdefault("project", self._likely_project(projects))
        self.participant_groups = self._participant_groups()

    def _likely_project(self, projects):
        """The project whose pipeline holds the company, or the workspace's only project."""
        in_pipeline = list(
            self.scope.objects(Approach)
            .filter(organisation=self.organisation)
            .values_list("project_id", flat=True)[:2]
        )
        if len(in_pipeline) == 1:
            return in_pipeline[0]
        only = list(projects.values_list("pk", flat=True)[:2])
        return only[0] if len(only) == 1 else None

    def _participant_groups(self):
        if self.is_bound:
            values = self.data.getlist(self.add_prefix("participants"))
            ids = [int(value) for value in values if value.isdigit()]
        elif self.instance.pk:
            ids = [person.pk for person in self.instance.participants.all()]
        else:
            ids = [person.pk for person in self.initial.get("participants", ())]
        chosen = (
            list(contact_selectors.persons_by_name(scope=self.scope).filter(pk__in=ids))
            if ids
            else []
        )
        groups = selectors.participant_groups(
            scope=self.scope, organisation=self.organisation, chosen=chosen
        )
        choices = [
            (PARTICIPANT_GROUPS[key], [(person.pk, person.full_name) for person in persons])
            for key, persons in groups
            if persons
        ]
        self.fields["participants"].widget.choices = choices
        return choices

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
