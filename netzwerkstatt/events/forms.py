import datetime as dt

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.selectors import tags
from netzwerkstatt.core.scoping import Scope

from .enums import EventKind, InvitationStatus
from .models import Event
from .selectors import network_organisations, projects, speaker_choices

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    """The browser's date and time picker (value in the current time zone, Europe/Berlin)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_FORMAT)


class EventForm(forms.ModelForm):
    capacity = forms.IntegerField(
        label=capfirst(Event._meta.get_field("capacity").verbose_name),
        help_text=Event._meta.get_field("capacity").help_text,
        required=False,
        validators=[MinValueValidator(1)],
        widget=forms.NumberInput(attrs={"min": 1}),
    )
    online_link = forms.URLField(
        label=capfirst(Event._meta.get_field("online_link").verbose_name),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = Event
        fields = [
            "title", "kind", "project", "starts_at", "ends_at", "place", "online_link",
            "capacity", "description", "registration_open", "registration_deadline",
        ]  # fmt: skip
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "registration_deadline": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects(scope=scope)
        self.fields["project"].empty_label = _("– the whole workspace –")
        for name in ("starts_at", "ends_at", "registration_deadline"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The event must end after it starts."))
        deadline = cleaned.get("registration_deadline")
        if deadline and ends_at and deadline > ends_at:
            self.add_error(
                "registration_deadline", _("Registration must close before the event ends.")
            )
        return cleaned

    def _post_clean(self):
        # The services validate the model; the form only checks what the user typed.
        pass

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class EventFilterForm(forms.Form):
    search = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Title or place")}),
    )
    project = forms.ChoiceField(label=_("Project"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("– all –")), *EventKind.choices]
    )

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = [
            ("", _("– all –")),
            *((str(project.pk), project.name) for project in projects(scope=scope)),
        ]


class ProgrammeItemForm(forms.Form):
    """A programme item: the day (for events of several days), times, title, room, speakers."""

    # The browser's pickers send and show ISO values, whatever the language.
    day = forms.DateField(
        label=_("Day"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    starts = forms.TimeField(
        label=_("From"),
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    ends = forms.TimeField(
        label=_("To"),
        required=False,
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    room = forms.CharField(label=_("Room"), max_length=100, required=False)
    speakers = forms.ModelMultipleChoiceField(
        label=_("Speakers"),
        required=False,
        queryset=None,
        help_text=_("Invited persons and the project team. Invite a speaker first if missing."),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, scope: Scope, event: Event, item=None, **kwargs):
        if item is not None and "initial" not in kwargs:
            start = timezone.localtime(item.starts_at)
            kwargs["initial"] = {
                "day": start.date(),
                "starts": start.time(),
                "ends": timezone.localtime(item.ends_at).time() if item.ends_at else None,
                "title": item.title,
                "room": item.room,
                "description": item.description,
                "speakers": list(item.speakers.all()),
            }
        kwargs.setdefault("initial", {"day": timezone.localtime(event.starts_at).date()})
        super().__init__(*args, **kwargs)
        self.fields["speakers"].queryset = speaker_choices(scope=scope, event=event)
        prefix = f"item-{item.pk}" if item is not None else "new-item"
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("id", f"{prefix}-{name}")

    def service_fields(self) -> dict:
        data = self.cleaned_data
        starts_at = _moment(data["day"], data["starts"])
        ends_at = _moment(data["day"], data["ends"]) if data.get("ends") else None
        return {
            "starts_at": starts_at,
            "ends_at": ends_at,
            "title": data["title"],
            "room": data["room"],
            "description": data["description"],
            "speakers": list(data["speakers"]),
        }


def _moment(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


class InviteeFilterForm(forms.Form):
    search = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or e-mail")}),
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    kind = forms.ChoiceField(
        label=_("Works at an organisation of kind"),
        required=False,
        choices=[("", _("– all –")), *OrganisationKind.choices],
    )
    network = forms.ChoiceField(
        label=_("Network"),
        required=False,
        choices=[("", _("– anyone –")), ("team", _("has a tie to the project team"))],
    )
    connected_to = forms.ChoiceField(
        label=_("Connected to"),
        required=False,
        help_text=_("A tie to the organisation or to someone working there."),
    )

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [
            ("", _("– all –")),
            *((tag.name, tag.name) for tag in tags(scope=scope)),
        ]
        self.fields["connected_to"].choices = [
            ("", _("– any organisation –")),
            *(
                (str(organisation.pk), organisation.name)
                for organisation in network_organisations(scope=scope)
            ),
        ]


class InvitationFilterForm(forms.Form):
    search = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name")}),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("– all –")), *InvitationStatus.choices]
    )
    consent = forms.ChoiceField(
        label=_("Photo consent"),
        required=False,
        choices=[("", _("– all –")), ("yes", _("given")), ("no", _("not given"))],
    )
    attended = forms.ChoiceField(
        label=_("Checked in"),
        required=False,
        choices=[("", _("– all –")), ("yes", _("yes")), ("no", _("no"))],
    )


# Answers in the registration forms: attend, not attend, (organiser only) leave as it is.
ATTEND, DECLINE, KEEP = "attend", "decline", ""


class RegistrationForm(forms.Form):
    """The invited person's answer on the public page (no login)."""

    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[(ATTEND, _("Yes, I will attend")), (DECLINE, _("No, I cannot attend"))],
        widget=forms.RadioSelect,
    )
    dietary_notes = forms.CharField(
        label=_("Dietary requirements"),
        max_length=300,
        required=False,
        help_text=_("For example vegetarian, vegan, allergies."),
    )
    accessibility_notes = forms.CharField(
        label=_("Accessibility needs"),
        max_length=300,
        required=False,
        help_text=_("For example step-free access, sign language interpreting, hearing loop."),
    )
    photo_consent = forms.BooleanField(
        label=_("I agree that photos showing me may be published in the event report."),
        required=False,
        help_text=_(
            "Photos taken at the event may appear in the public report on the event "
            "(programme, results and photo documentation). A photo is published only if "
            "everyone shown on it has agreed. You can withdraw your consent at any time "
            "through this page; photos showing you are then taken out of the report."
        ),
    )

    def attend(self) -> bool:
        return self.cleaned_data["answer"] == ATTEND


class RegistrationUpdateForm(forms.Form):
    """A registered person changes notes and consent (the answer stays)."""

    dietary_notes = RegistrationForm.base_fields["dietary_notes"]
    accessibility_notes = RegistrationForm.base_fields["accessibility_notes"]
    photo_consent = RegistrationForm.base_fields["photo_consent"]


class ConsentForm(forms.Form):
    """After the event: only the photo consent can still be given or withdrawn."""

    photo_consent = RegistrationForm.base_fields["photo_consent"]


class InvitationUpdateForm(forms.Form):
    """The organiser records an answer given by phone, e-mail or on paper."""

    answer = forms.ChoiceField(
        label=_("Answer"),
        required=False,
        choices=[
            (KEEP, _("– leave as it is –")),
            (ATTEND, _("attends (a place, or the waiting list when full)")),
            (DECLINE, _("does not attend (declined or cancelled)")),
        ],
    )
    dietary_notes = RegistrationForm.base_fields["dietary_notes"]
    accessibility_notes = RegistrationForm.base_fields["accessibility_notes"]
    photo_consent = forms.BooleanField(
        label=_("Consents to photos in the public report"),
        required=False,
        help_text=_("Only with the person's own consent, for example given on paper."),
    )

    def attend(self) -> bool | None:
        return {ATTEND: True, DECLINE: False}.get(self.cleaned_data["answer"])
