"""Forms of the tie, recommendation and team pages.

Persons and organisations are picked by search (see `views.ties.node_options`): a
`NodeChoiceField` holds a graph key ("person:5", "organisation:7") and renders
only the chosen node as an option; it accepts any node of the scope.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope

from .enums import TIE_RULES, NodeType, Provenance, RecommendationOutcome
from .models import TeamMember, Tie
from .selectors import node_from_key, node_key_of, node_type, workspace_users

STRENGTH_CHOICES = [
    (1, _("1 – barely know each other")),
    (2, _("2 – loosely")),
    (3, _("3 – well")),
    (4, _("4 – closely")),
    (5, _("5 – very closely")),
]
TRUST_CHOICES = [
    ("", _("– not assessed –")),
    (1, _("1 – little")),
    (2, _("2 – some")),
    (3, _("3 – moderate")),
    (4, _("4 – high")),
    (5, _("5 – complete")),
]
DIRECTION_CHOICES = [
    ("out", _("from this one to the other")),
    ("in", _("from the other to this one")),
]
KIND_GROUPS = [
    ((NodeType.PERSON, NodeType.PERSON), _("Between persons")),
    ((NodeType.PERSON, NodeType.ORGANISATION), _("Person and organisation")),
    ((NodeType.ORGANISATION, NodeType.ORGANISATION), _("Between organisations")),
]
ANY = ("", _("all"))
TIE_VALUE_FIELDS = (
    "kind", "strength", "trust", "since", "last_contact", "provenance", "purpose", "project",
    "note",
)  # fmt: skip
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def kind_choices(*, ends: tuple[NodeType, NodeType] | None = None) -> list:
    """Tie kinds grouped by the ends they join; with `ends`, only the kinds that fit them."""
    groups = []
    for group_ends, label in KIND_GROUPS:
        if ends is not None and set(ends) != set(group_ends):
            continue
        kinds = [
            (kind.value, kind.label)
            for kind, rule in TIE_RULES.items()
            if (rule.source, rule.target) == group_ends
        ]
        groups.append((label, kinds))
    return groups


class NodeChoiceField(forms.CharField):
    """A person or organisation of the scope, given as its graph key and picked by search."""

    widget = forms.Select

    def __init__(self, *, types: tuple[str, ...] = ("person", "organisation"), **kwargs):
        self.types = types
        self.scope: Scope | None = None
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Person | Organisation):
            return node_key_of(value)
        return value

    def to_python(self, value):
        key = super().to_python(value)
        if not key:
            return None
        if key.partition(":")[0] not in self.types:
            raise ValidationError(self._invalid_message(), code="invalid_choice")
        try:
            return node_from_key(scope=self.scope, key=key)
        except Http404 as error:
            raise ValidationError(self._invalid_message(), code="invalid_choice") from error

    def _invalid_message(self):
        if self.types == ("person",):
            return _("Choose a person from the list.")
        return _("Choose a person or organisation from the list.")

    def offer(self, chosen) -> None:
        """Render only the chosen node (if any) as an option, so the page stays small."""
        choices = [("", "–")]
        if isinstance(chosen, str) and chosen:
            try:
                chosen = node_from_key(scope=self.scope, key=chosen)
            except Http404:
                chosen = None
        if isinstance(chosen, Person | Organisation):
            choices.append((node_key_of(chosen), node_label(chosen)))
        self.widget.choices = choices


def node_label(node: Person | Organisation) -> str:
    if isinstance(node, Organisation) and node.city:
        return f"{node.name} ({node.city})"
    return str(node)


class ScopedForm(forms.Form):
    """A form whose node pickers and project choices come from the scope."""

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        for name, field in self.fields.items():
            if isinstance(field, NodeChoiceField):
                field.scope = scope
                field.offer(self.data.get(self.add_prefix(name)) or self.initial.get(name))
        if "project" in self.fields:
            self.fields["project"].queryset = scope.objects(Project).order_by("name")


def project_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Project"), queryset=Project.objects.none(), required=False, empty_label="–"
    )


class TieValuesForm(ScopedForm):
    """What a tie says, without its ends: kind, strength, trust, dates and provenance."""

    kind = forms.ChoiceField(label=_("Kind of tie"), choices=kind_choices)
    strength = forms.TypedChoiceField(
        label=_("Strength"), choices=STRENGTH_CHOICES, coerce=int, initial=3
    )
    trust = forms.TypedChoiceField(
        label=_("Trust"),
        choices=TRUST_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("How far can we rely on this relationship? Partners never see it."),
    )
    since = forms.DateField(label=_("Since"), required=False, widget=DATE_WIDGET)
    last_contact = forms.DateField(label=_("Last contact"), required=False, widget=DATE_WIDGET)
    provenance = forms.ChoiceField(
        label=_("Source"), choices=Provenance.choices, initial=Provenance.CONVERSATION
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        required=False,
        help_text=_("What we recorded it for, e.g. acquisition of a company."),
    )
    project = project_field()
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in TIE_VALUE_FIELDS}


class TieForm(TieValuesForm):
    """A new tie from one node (`node`, usually the page it is recorded on) to another."""

    node = NodeChoiceField(label=_("This person or organisation"))
    other = NodeChoiceField(label=_("Tie to"))
    direction = forms.ChoiceField(
        label=_("Direction"),
        choices=DIRECTION_CHOICES,
        initial="out",
        required=False,
        help_text=_("Only for directed kinds between two persons or two organisations."),
    )
    field_order = ["node", "kind", "other", "direction", "strength", "trust"]

    def __init__(self, *args, fixed_node: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_node:
            self.fields["node"].widget = forms.HiddenInput()

    def ends(self) -> tuple:
        """(source, target) as the user meant them."""
        node, other = self.cleaned_data["node"], self.cleaned_data["other"]
        return (other, node) if self.cleaned_data.get("direction") == "in" else (node, other)

    def values(self) -> dict:
        source, target = self.ends()
        return {**super().values(), "source": source, "target": target}


class TieUpdateForm(TieValuesForm):
    """A recorded tie's values; its ends stay (delete and record anew to change them)."""

    def __init__(self, *args, tie: Tie, **kwargs):
        initial = {name: getattr(tie, name) for name in TIE_VALUE_FIELDS}
        super().__init__(*args, initial=initial, **kwargs)
        ends = (node_type(tie.source), node_type(tie.target))
        self.fields["kind"].choices = kind_choices(ends=ends)


class TieFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[ANY, *kind_choices()])
    min_strength = forms.ChoiceField(
        label=_("Minimum strength"),
        required=False,
        choices=[ANY, *((value, str(value)) for value in range(1, 6))],
    )


class RecommendationForm(ScopedForm):
    recommender = NodeChoiceField(
        label=_("Recommended by"), types=("person",), help_text=_("A person.")
    )
    subject = NodeChoiceField(
        label=_("Whom or what"), help_text=_("The person or organisation recommended.")
    )
    recipient = NodeChoiceField(
        label=_("To whom"),
        help_text=_("Who received the recommendation, often someone of the team."),
    )
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    purpose = forms.CharField(
        label=_("For what"),
        max_length=300,
        required=False,
        help_text=_("e.g. a workshop on skilled-worker retention."),
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=RecommendationOutcome.choices, initial="open"
    )
    provenance = forms.ChoiceField(
        label=_("Source"), choices=Provenance.choices, initial=Provenance.CONVERSATION
    )
    project = project_field()
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("date", timezone.localdate())
        super().__init__(*args, **kwargs)

    def values(self) -> dict:
        return dict(self.cleaned_data)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=RecommendationOutcome.choices)
    on = forms.DateField(label=_("On"), widget=DATE_WIDGET)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)


class RecommendationFilterForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=[ANY, *RecommendationOutcome.choices]
    )
    project = forms.ChoiceField(label=_("Project"), required=False)

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        projects = scope.objects(Project).order_by("name").values_list("pk", "name")
        self.fields["project"].choices = [ANY, *projects]


class TeamMemberForm(ScopedForm):
    """Add a person to the team: an existing one, or a new one by name; optionally with a login."""

    person = NodeChoiceField(label=_("Person"), types=("person",), required=False)
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    user = forms.ModelChoiceField(
        label=_("Login"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("– no login –"),
        help_text=_("The user who logs in as this person; warm paths then start with “you”."),
    )
    since = forms.DateField(label=_("In the team since"), required=False, widget=DATE_WIDGET)
    until = forms.DateField(label=_("In the team until"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = workspace_users(scope=self.scope)

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        if not person and not cleaned.get("last_name"):
            self.add_error("person", _("Choose a person, or enter the name of a new one."))
        if person and self.scope.objects(TeamMember).filter(person=person).exists():
            self.add_error(
                "person", _("This person is already on the team; edit them in the list.")
            )
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date must not be before the start date."))
        return cleaned


class TeamMemberUpdateForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Login"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("– no login –"),
    )
    since = forms.DateField(label=_("In the team since"), required=False, widget=DATE_WIDGET)
    until = forms.DateField(label=_("In the team until"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = workspace_users(scope=scope)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date must not be before the start date."))
        return cleaned
