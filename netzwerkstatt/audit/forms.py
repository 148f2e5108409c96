from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.scoping import Scope

from . import selectors
from .enums import AuditAction

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AuditFilterForm(forms.Form):
    """The audit log's filters; unbound (or empty) it stands for the whole log."""

    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.TypedChoiceField(label=_("User"), required=False, coerce=int, empty_value=None)
    since = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    until = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)
    target_type = forms.ChoiceField(label=_("Object type"), required=False)
    target_id = forms.IntegerField(label=_("Object ID"), required=False, min_value=1)

    def __init__(self, data=None, *, scope: Scope, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["action"].choices = [("", _("all actions")), *AuditAction.choices]
        self.fields["actor"].choices = [
            ("", _("everyone")),
            *selectors.audit_actor_choices(scope=scope),
        ]
        self.fields["target_type"].choices = [
            ("", _("all object types")),
            *selectors.audit_target_type_choices(scope=scope),
        ]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            raise ValidationError({"until": _("The end date must not be before the start date.")})
        return data

    def filters(self) -> selectors.AuditFilter:
        if not self.is_bound or not self.is_valid():
            return selectors.AuditFilter()
        data = self.cleaned_data
        return selectors.AuditFilter(
            action=data["action"],
            actor=data["actor"],
            since=data["since"],
            until=data["until"],
            target_type=data["target_type"],
            target_id=data["target_id"],
        )
