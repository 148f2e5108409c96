"""Forms of the partner network survey: sending it, the public answer form, reviewing answers."""

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.scoping import Scope

from .models import Survey
from .surveys import MAX_ANSWERS, VALID_DAYS_DEFAULT, VALID_DAYS_MAX, AnswerData

CLOSENESS_CHOICES = [
    (1, _("1 – occasional contact")),
    (2, _("2 – we work together now and then")),
    (3, _("3 – we work together regularly")),
    (4, _("4 – close cooperation")),
    (5, _("5 – very close, a firm partnership")),
]
CLOSENESS_LABELS = dict(CLOSENESS_CHOICES)


def chosen_option(field: forms.ModelChoiceField, queryset, chosen) -> None:
    """Render only the chosen object as an option (found by search); validation accepts any."""
    field.widget.choices = [("", "–")]
    if chosen:
        instance = queryset.filter(pk=getattr(chosen, "pk", chosen)).first()
        if instance is not None:
            field.widget.choices = [("", "–"), (instance.pk, str(instance))]


class SurveyCreateForm(forms.Form):
    respondent = forms.ModelChoiceField(
        label=_("Respondent"),
        queryset=Person.objects.none(),
        help_text=_("The partner who is asked; search by name or e-mail address."),
    )
    message = forms.CharField(
        label=_("Personal message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Shown above the questions, e.g. why you ask and what you do with the answers."
        ),
    )
    valid_days = forms.IntegerField(
        label=_("Link valid for (days)"),
        initial=VALID_DAYS_DEFAULT,
        min_value=1,
        max_value=VALID_DAYS_MAX,
    )

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["respondent"]
        field.queryset = scope.objects(Person)
        chosen = self.initial.get("respondent") or self.data.get(self.add_prefix("respondent"))
        chosen_option(field, field.queryset, chosen)


class LinkRenewForm(forms.Form):
    valid_days = forms.IntegerField(
        label=_("New link valid for (days)"),
        initial=VALID_DAYS_DEFAULT,
        min_value=1,
        max_value=VALID_DAYS_MAX,
    )


class AnswerForm(forms.Form):
    """One organisation the respondent works with: chosen from the suggestions or typed freely.

    `organisation` is set by the suggestion list (survey.js); typing a name
    without choosing a suggestion makes a free entry.
    """

    organisation = forms.IntegerField(required=False, widget=forms.HiddenInput)
    organisation_name = forms.CharField(
        label=_("Company or organisation"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    city = forms.CharField(label=_("Town"), max_length=100, required=False)
    closeness = forms.TypedChoiceField(
        label=_("How closely?"),
        choices=[("", _("– please choose –")), *CLOSENESS_CHOICES],
        coerce=int,
        required=False,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example what you do together."),
    )

    def __init__(
        self, *args, known_ids: set[int] | None = None, suggestions_url: str = "", **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.known_ids = known_ids
        if suggestions_url:
            # htmx asks for suggestions as the respondent types (see _survey_suggestions.html).
            self.fields["organisation_name"].widget.attrs.update(
                {
                    "hx-get": suggestions_url,
                    "hx-trigger": "input changed delay:300ms",
                    "hx-target": "next .suggestions",
                    "hx-sync": "this:replace",
                    "data-organisation-name": "",
                }
            )

    @property
    def is_filled(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return bool(data.get("organisation") or data.get("organisation_name", "").strip())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("DELETE"):
            return cleaned
        organisation = cleaned.get("organisation")
        if (
            organisation is not None
            and self.known_ids is not None
            and organisation not in self.known_ids
        ):
            cleaned["organisation"] = None
            self.add_error(
                "organisation_name",
                _("Choose the organisation from the suggestions, or enter it freely."),
            )
        if self.is_filled and not cleaned.get("closeness"):
            self.add_error("closeness", _("Say how closely you work together."))
        elif cleaned.get("closeness") and not self.is_filled:
            self.add_error("organisation_name", _("Enter the company or organisation."))
        return cleaned

    def to_data(self) -> AnswerData | None:
        if not self.is_filled or self.cleaned_data.get("DELETE"):
            return None
        return AnswerData(
            closeness=self.cleaned_data["closeness"],
            organisation_id=self.cleaned_data["organisation"],
            organisation_name=self.cleaned_data["organisation_name"],
            city=self.cleaned_data["city"],
            note=self.cleaned_data["note"],
        )


class BaseAnswerFormSet(BaseFormSet):
    def __init__(self, *args, survey: Survey, suggestions_url: str = "", **kwargs):
        self.survey = survey
        self.suggestions_url = suggestions_url
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {
            **super().get_form_kwargs(index),
            "known_ids": self._known_ids(),
            "suggestions_url": self.suggestions_url,
        }

    def _known_ids(self) -> set[int] | None:
        """The chosen organisations that exist in the survey's workspace, found in one query."""
        if not self.is_bound:
            return None
        if not hasattr(self, "_known"):
            chosen = {
                int(value)
                for key, value in self.data.items()
                if key.startswith(f"{self.prefix}-")
                and key.endswith("-organisation")
                and value.strip().isdigit()
            }
            self._known = set(
                Organisation.objects.filter(
                    workspace_id=self.survey.workspace_id, pk__in=chosen
                ).values_list("pk", flat=True)
            )
        return self._known

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.answers():
            raise forms.ValidationError(_("Name at least one company or organisation."))

    def answers(self) -> list[AnswerData]:
        return [data for form in self.forms if (data := form.to_data()) is not None]


AnswerFormSet = formset_factory(
    AnswerForm,
    formset=BaseAnswerFormSet,
    extra=3,
    can_delete=True,
    max_num=MAX_ANSWERS,
    validate_max=True,
    absolute_max=MAX_ANSWERS,
)


class AnswerReviewForm(forms.Form):
    """Accepting a free entry: the organisation it means, or create one from the entry."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    create = forms.BooleanField(required=False)

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = scope.objects(Organisation)
