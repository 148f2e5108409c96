"""Forms of the consent panel and the retention page."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import RetentionRule
from .models import Consent
from .retention import MONTHS_MAX, MONTHS_MIN

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

RULE_HELP = {
    RetentionRule.INACTIVE_CONTACTS: _(
        "Persons are erased when nothing happened with them for this many months (no note, "
        "tie, recommendation, invitation, approach, activity, meeting or change) and every "
        "project of the workspace ended at least this long ago. Team members are kept."
    ),
    RetentionRule.EVENT_PARTICIPATIONS: _(
        "Invitations, registrations and check-ins of events that ended this many months ago "
        "become anonymous counts, so the events' figures stay right."
    ),
    RetentionRule.EVENT_PHOTOS: _(
        "Photos (with their files) of events that ended this many months ago are deleted."
    ),
    RetentionRule.SURVEY_ANSWERS: _(
        "Partner surveys and their answers are deleted this many months after they were "
        "answered or expired. Ties already taken over into the network stay."
    ),
    RetentionRule.IMPORT_JOBS: _(
        "Imports (uploaded files and their results) older than this are deleted. Independently "
        "of this, unfinished uploads go after one day and results after 30 days."
    ),
    RetentionRule.AUDIT_ENTRIES: _(
        "Audit log entries and the activity history older than this are deleted."
    ),
}


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["purpose", "legal_basis", "given_on", "source"]
        widgets = {"given_on": DATE_WIDGET}
        help_texts = {
            "purpose": _("E.g. newsletter, photos at events, passing on to network partners"),
        }
        error_messages = {
            "purpose": {"required": _("Enter the purpose the consent was given for.")},
            "given_on": {"required": _("Enter the date the consent was given.")},
            "source": {"required": _("Enter how the consent was given.")},
        }

    def clean_given_on(self):
        given_on = self.cleaned_data["given_on"]
        if given_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return given_on


class RetentionForm(forms.Form):
    """One field per retention rule: the months to keep, or empty for "off"."""

    def __init__(self, *args, periods: dict[str, int | None], **kwargs):
        super().__init__(*args, **kwargs)
        for rule in RetentionRule:
            self.fields[rule.value] = forms.IntegerField(
                label=rule.label,
                required=False,
                min_value=MONTHS_MIN,
                max_value=MONTHS_MAX,
                initial=periods.get(rule.value),
                help_text=RULE_HELP[rule],
                widget=forms.NumberInput(attrs={"min": MONTHS_MIN, "max": MONTHS_MAX}),
                error_messages={
                    "invalid": _("Enter a whole number of months, or leave the field empty."),
                    "min_value": _(
                        "Enter at least 1 month, or leave the field empty to switch the rule off."
                    ),
                    "max_value": _("Enter at most 120 months (ten years)."),
                },
            )

    def periods(self) -> dict[str, int | None]:
        return {rule.value: self.cleaned_data.get(rule.value) for rule in RetentionRule}
