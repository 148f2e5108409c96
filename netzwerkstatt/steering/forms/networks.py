"""Forms of the network pages: the network, its members, topics and interests.

A member is picked with the network app's search picker (`NodeChoiceField` and
`network:node_options`): one field that holds a person or an organisation, so a
member is always exactly one of them.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.forms import DATE_WIDGET, NodeChoiceField, ScopedForm

from .. import selectors
from ..enums import Interest, MemberRole
from ..models import Network, NetworkTopic


class NetworkForm(forms.ModelForm):
    class Meta:
        model = Network
        fields = ["name", "purpose", "region", "started_on", "projects"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "started_on": DATE_WIDGET,
            "projects": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = selectors.project_choices(scope=scope)

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class NetworkFilterForm(forms.Form):
    search = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"})
    )


class MemberDatesMixin:
    def clean(self):
        cleaned = super().clean()
        joined, left = cleaned.get("joined_on"), cleaned.get("left_on")
        if joined and left and left < joined:
            self.add_error(
                "left_on", _("The date of leaving must not be before the date of joining.")
            )
        return cleaned


class MemberForm(MemberDatesMixin, ScopedForm):
    """Add an organisation or a person to a network."""

    node = NodeChoiceField(
        label=_("Organisation or person"),
        help_text=_("Search the contacts by name and choose one."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.MEMBER)
    joined_on = forms.DateField(label=_("Joined on"), required=False, widget=DATE_WIDGET)
    left_on = forms.DateField(label=_("Left on"), required=False, widget=DATE_WIDGET)

    def service_fields(self) -> dict:
        node = self.cleaned_data["node"]
        return {
            "organisation": node if isinstance(node, Organisation) else None,
            "person": None if isinstance(node, Organisation) else node,
            "role": self.cleaned_data["role"],
            "joined_on": self.cleaned_data["joined_on"],
            "left_on": self.cleaned_data["left_on"],
        }


class MemberUpdateForm(MemberDatesMixin, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)
    joined_on = forms.DateField(label=_("Joined on"), required=False, widget=DATE_WIDGET)
    left_on = forms.DateField(label=_("Left on"), required=False, widget=DATE_WIDGET)


class TopicForm(forms.ModelForm):
    class Meta:
        model = NetworkTopic
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


def interest_field(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=Interest.choices, coerce=int, initial=Interest.NONE
    )


class InterestsForm(forms.Form):
    """A member's interest level in each topic of its network (one field per topic)."""

    def __init__(self, *args, topics: list[tuple[NetworkTopic, int]], **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {}
        for topic, level in topics:
            name = f"topic-{topic.pk}"
            self.fields[name] = interest_field(topic.name)
            self.fields[name].initial = level
            self.topics[name] = topic

    def levels(self) -> dict[NetworkTopic, int]:
        return {topic: self.cleaned_data[name] for name, topic in self.topics.items()}


class InterestCellForm(forms.Form):
    """One cell of the matrix (htmx): a topic of the member's network and a level."""

    topic = forms.ModelChoiceField(queryset=NetworkTopic.objects.none())
    level = forms.TypedChoiceField(choices=Interest.choices, coerce=int)

    def __init__(self, *args, scope: Scope, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = scope.objects(NetworkTopic).filter(network=network)
