"""Forms of the documentation page: photos, presentations and the public report's settings."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Person

from . import images
from .documentation import photos as photo_reads
from .documentation.photos import UPLOAD_MAX_FILES
from .documentation.publication import Consents
from .models import Event, ProgrammeItem, TableRound

ACCEPTED_IMAGE_TYPES = ",".join(
    ["image/jpeg", "image/png", ".jpg", ".jpeg", ".png"]
    + (["image/heic", "image/heif", ".heic", ".heif"] if "HEIF" in images.ACCEPTED_FORMATS else [])
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPTED_IMAGE_TYPES}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(item, initial) for item in data]
        cleaned = single(data or None, initial)
        return [cleaned] if cleaned else []


class PeopleField(forms.ModelMultipleChoiceField):
    """Persons to link, each labelled with their photo consent for the event."""

    def __init__(self, *args, consents: Consents, **kwargs):
        self.consents = consents
        super().__init__(*args, **kwargs)

    def label_from_instance(self, person):
        if person.pk not in self.consents.invited:
            state = _("not invited: no consent")
        elif person.pk in self.consents.consenting:
            state = _("consented to photos")
        else:
            state = _("no photo consent")
        return f"{person.full_name} ({state})"


class TableRoundField(forms.ModelChoiceField):
    def label_from_instance(self, table_round):
        label = _("Round %(round)s, table %(table)s") % {
            "round": table_round.round,
            "table": table_round.table.number,
        }
        return f"{label} – {table_round.topic}" if table_round.topic else label


class _PhotoFields(forms.Form):
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
    table_round = TableRoundField(
        label=_("Flip chart of a table round"),
        queryset=TableRound.objects.none(),
        required=False,
        empty_label=_("– none –"),
        help_text=_("For photos of a World-Café flip chart: the report shows them with the topic."),
    )

    def __init__(self, *args, scope, event: Event, consents: Consents, photo=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = photo_reads.event_people(scope=scope, event=event)
        if photo is not None:  # keep those linked already, even if no longer invited
            people = scope.objects(Person).filter(
                Q(pk__in=people.values("pk")) | Q(pk__in=photo.people.values("pk"))
            )
        self.fields["people"] = PeopleField(
            label=_("People shown"),
            queryset=people.order_by("last_name", "first_name", "id"),
            required=False,
            consents=consents,
            widget=forms.CheckboxSelectMultiple(attrs={"class": "people-choices"}),
            help_text=_(
                "Link everybody who can be recognised. The photo goes into the public report "
                "only if each of them consented."
            ),
        )
        self.fields["table_round"].queryset = photo_reads.event_table_rounds(
            scope=scope, event=event
        )
        self.order_fields(["photos", "caption", "people", "table_round"])


class PhotoUploadForm(_PhotoFields):
    photos = MultipleFileField(label=_("Photos"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].help_text = gettext(
            "JPEG or PNG, up to %(count)s at once. Location, camera data and all other "
            "metadata are removed; large photos are scaled down."
        ) % {"count": UPLOAD_MAX_FILES}


class PhotoForm(_PhotoFields):
    pass


class PresentationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    programme_item = forms.ModelChoiceField(
        label=_("Programme item"),
        queryset=ProgrammeItem.objects.none(),
        required=False,
        empty_label=_("– none –"),
    )
    speaker = forms.ModelChoiceField(
        label=_("Speaker"), queryset=Person.objects.none(), required=False
    )
    public = forms.BooleanField(
        label=_("In the public report"),
        required=False,
        initial=True,
        help_text=_(
            "Only with the speaker's agreement: anybody with the report's link can download it."
        ),
    )

    def __init__(self, *args, scope, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme_item"].queryset = scope.objects(ProgrammeItem).filter(event=event)
        self.fields["speaker"].queryset = photo_reads.event_people(scope=scope, event=event)


class PresentationUploadForm(PresentationForm):
    file = forms.FileField(
        label=_("File (PDF)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    field_order = ["file", "title", "programme_item", "speaker", "public"]


class ReportSettingsForm(forms.Form):
    published = forms.BooleanField(label=_("Publish the report"), required=False)
    summary = forms.CharField(
        label=_("Summary for the report"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened and what came out of it, in a few paragraphs."),
    )
