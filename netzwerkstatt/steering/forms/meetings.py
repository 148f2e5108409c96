"""Forms of meetings, decisions and action items, the action items' filter and the
period of the minutes PDF."""

import datetime as dt

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts import selectors as contact_selectors
from netzwerkstatt.core.scoping import Scope

from .. import selectors
from ..enums import ActionStatus
from ..models import ActionItem, Decision, Meeting, Network
from ..selectors.actions import STATUS_OPEN

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# The minutes PDF covers at most this long a period.
LONGEST_PERIOD_DAYS = 5 * 366
GROUP_NAMES = {
    "members": _("Members (persons)"),
    "team": _("Project team"),
    "others": _("Others"),
    "network": _("Members and their people"),
}


def _chosen_ids(form, name: str, stored: list[int]) -> list[int]:
    """Ids of the persons ticked: from the submitted data, else the stored ones."""
    if form.is_bound:
        return [int(value) for value in form.data.getlist(form.add_prefix(name)) if value.isdigit()]
    return stored


class MeetingForm(forms.ModelForm):
    """A meeting with its attendance. Attendees are offered grouped by member
    organisation, then members who are persons, the team and others already chosen;
    any person of the workspace is accepted, so a search can add more
    (`views.meetings.meeting_person_options`)."""

    class Meta:
        model = Meeting
        fields = ["title", "held_on", "event", "agenda", "minutes", "attendees"]
        widgets = {
            "held_on": DATE_WIDGET,
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "minutes": forms.Textarea(attrs={"rows": 10}),
            "attendees": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, scope: Scope, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.network = network
        current = self.instance.event if self.instance.pk else None
        events = selectors.meeting_event_choices(scope=scope, current=current)
        self.fields["event"].queryset = events
        self.fields["event"].empty_label = _("– not held as an event –")
        self.fields["event"].label_from_instance = lambda event: "{} · {}".format(
            formats.date_format(timezone.localtime(event.starts_at).date(), "SHORT_DATE_FORMAT"),
            event.title,
        )
        self.fields["event"].help_text = _(
            "Link the event of the events app this meeting was held as; its checked-in "
            "participants can then be taken as the attendance."
        )
        self.fields["attendees"].queryset = contact_selectors.persons_by_name(scope=scope)
        if not self.instance.pk:
            self.initial.setdefault("held_on", timezone.localdate())
        stored = [person.pk for person in self.instance.attendees.all()] if self.instance.pk else []
        ids = _chosen_ids(self, "attendees", stored)
        chosen = (
            list(contact_selectors.persons_by_name(scope=scope).filter(pk__in=ids)) if ids else []
        )
        groups = selectors.attendee_groups(scope=scope, network=network, chosen=chosen)
        self.attendee_groups = [
            (str(GROUP_NAMES.get(key, key)), [(person.pk, person.full_name) for person in persons])
            for key, persons in groups
            if persons
        ]
        self.fields["attendees"].widget.choices = self.attendee_groups

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        labels = {"text": _("New decision")}


class ActionItemForm(forms.ModelForm):
    """An action item; the owner is chosen from the team and the network's people (a person
    of the workspace is accepted, the current owner stays offered)."""

    class Meta:
        model = ActionItem
        fields = ["network", "title", "description", "owner", "due_on", "status"]
        widgets = {
            "due_on": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, scope: Scope, network: Network | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["network"].queryset = selectors.meeting_networks(scope=scope)
        self.fields["network"].empty_label = _("– choose a network –")
        if network is not None:
            # Fixed by the meeting or the item: not a choice on this form.
            del self.fields["network"]
        self.fields["owner"].queryset = contact_selectors.persons_by_name(scope=scope)
        self.fields["owner"].help_text = _(
            "A team member with a login sees the item on their “Today” page when it is due."
        )
        current = self.instance.owner if self.instance.pk else None
        groups = selectors.owner_groups(scope=scope, network=network, current=current)
        self.fields["owner"].choices = [
            ("", _("– nobody yet –")),
            *(
                (str(GROUP_NAMES[key]), [(person.pk, person.full_name) for person in persons])
                for key, persons in groups
                if persons
            ),
        ]
        if not self.instance.pk:
            # New items start open; the status changes on the lists afterwards.
            del self.fields["status"]

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}


class ActionFilterForm(forms.Form):
    """The action items overview's filters; unbound it stands for all open items."""

    network = forms.ChoiceField(label=_("Network"), required=False)
    owner = forms.ChoiceField(label=_("Owner"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    overdue = forms.BooleanField(label=_("only overdue"), required=False)

    def __init__(self, data=None, *, scope: Scope, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["network"].choices = [
            ("", _("all networks")),
            *selectors.meeting_networks(scope=scope).values_list("pk", "name"),
        ]
        owners = selectors.action_owners(scope=scope)
        self.fields["owner"].choices = [
            ("", _("everyone")),
            *((person.pk, person.full_name) for person in owners),
        ]
        self.fields["status"].choices = [
            (STATUS_OPEN, _("open or in progress")),
            *ActionStatus.choices,
            ("all", _("all")),
        ]
        self.initial.setdefault("status", STATUS_OPEN)

    def filters(self) -> selectors.ActionFilter:
        if not self.is_bound or not self.is_valid():
            return selectors.ActionFilter()
        data = self.cleaned_data
        return selectors.ActionFilter(
            network=data["network"] or "",
            owner=data["owner"] or "",
            status=data["status"] or STATUS_OPEN,
            overdue="1" if data["overdue"] else "",
        )


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)


class MinutesPeriodForm(forms.Form):
    """The period of the minutes PDF; unbound it stands for the current year."""

    start = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    end = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        today = timezone.localdate()
        self.default = (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
        self.initial.setdefault("start", self.default[0])
        self.initial.setdefault("end", self.default[1])

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        start = cleaned.get("start") or self.default[0]
        end = cleaned.get("end") or self.default[1]
        if start > end:
            self.add_error("end", _("The end of the period must not lie before its start."))
        elif (end - start).days > LONGEST_PERIOD_DAYS:
            self.add_error("start", _("Choose a period of at most five years."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def period(self) -> tuple[dt.date, dt.date]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return self.default
