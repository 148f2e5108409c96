from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.scoping import Scope

from . import wz2008
from .enums import EmailKind, OrganisationKind, PhoneKind, SizeClass
from .models import Organisation, Person
from .selectors import districts, tags
from .services import EmailData, FunctionData, PhoneData


class TagsField(forms.CharField):
    """Tags typed as a comma-separated list."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Tags"))
        kwargs.setdefault("help_text", _("Separate several tags with commas."))
        super().__init__(**kwargs)

    def to_python(self, value) -> list[str]:
        names = (name.strip() for name in super().to_python(value).split(","))
        return sorted({name[:100] for name in names if name})

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list | tuple) else value


class ContactForm(forms.ModelForm):
    """An organisation's or person's own fields; tags are typed, services get plain values."""

    tags = TagsField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["tags"] = [tag.name for tag in self.instance.tags.all()]

    def service_fields(self) -> dict:
        """The cleaned values to pass to the service, without the tags (passed on their own)."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "tags"}


class OrganisationForm(ContactForm):
    website = forms.URLField(
        label=Organisation._meta.get_field("website").verbose_name,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = Organisation
        fields = [
            "name", "kind", "sector", "employee_count", "street", "postal_code", "city",
            "district", "state", "website", "tags", "notes", "is_shared",
        ]  # fmt: skip
        widgets = {
            "postal_code": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "postal-code"}
            ),
            "district": forms.TextInput(attrs={"list": "district-options"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"] = forms.ChoiceField(
            label=_("Sector (WZ 2008)"),
            required=False,
            choices=[("", _("– not specified –")), *wz2008.division_choices()],
        )
        self.district_options = districts(scope=scope)


class PersonForm(ContactForm):
    class Meta:
        model = Person
        fields = [
            "salutation", "title", "first_name", "last_name", "door_opener", "tags", "notes",
            "is_shared",
        ]  # fmt: skip
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class EmailForm(forms.Form):
    address = forms.EmailField(label=_("E-mail address"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=EmailKind.choices, initial=EmailKind.WORK)

    def to_data(self) -> EmailData | None:
        if not self.cleaned_data.get("address") or self.cleaned_data.get("DELETE"):
            return None
        return EmailData(address=self.cleaned_data["address"], kind=self.cleaned_data["kind"])


class PhoneForm(forms.Form):
    number = forms.CharField(label=_("Phone number"), max_length=50, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=PhoneKind.choices, initial=PhoneKind.WORK)

    def to_data(self) -> PhoneData | None:
        if not self.cleaned_data.get("number") or self.cleaned_data.get("DELETE"):
            return None
        return PhoneData(number=self.cleaned_data["number"], kind=self.cleaned_data["kind"])


class FunctionForm(forms.Form):
    """A function at an organisation; the organisation is picked by search (see _organisation_options.html)."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    role = forms.CharField(label=_("Function"), max_length=200, required=False)
    department = forms.CharField(label=_("Department"), max_length=200, required=False)
    start_date = forms.DateField(
        label=_("Since"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the chosen organisation is rendered as an option; validation accepts any of the workspace.
        field = self.fields["organisation"]
        field.queryset = scope.objects(Organisation)
        chosen = self.initial.get("organisation") or self.data.get(self.add_prefix("organisation"))
        field.widget.choices = [("", "–")]
        if chosen:
            organisation = (
                scope.objects(Organisation).filter(pk=getattr(chosen, "pk", chosen)).first()
            )
            if organisation is not None:
                field.widget.choices = [("", "–"), (organisation.pk, str(organisation))]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("DELETE"):
            return cleaned
        has_details = any(
            cleaned.get(name) for name in ("role", "department", "start_date", "end_date")
        )
        if has_details and not cleaned.get("organisation"):
            self.add_error("organisation", _("Choose the organisation of this function."))
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date must not be before the start date."))
        return cleaned

    def to_data(self) -> FunctionData | None:
        if not self.cleaned_data.get("organisation") or self.cleaned_data.get("DELETE"):
            return None
        return FunctionData(
            organisation=self.cleaned_data["organisation"],
            role=self.cleaned_data["role"],
            department=self.cleaned_data["department"],
            start_date=self.cleaned_data["start_date"],
            end_date=self.cleaned_data["end_date"],
        )


EmailFormSet = formset_factory(EmailForm, extra=1, can_delete=True, max_num=10)
PhoneFormSet = formset_factory(PhoneForm, extra=1, can_delete=True, max_num=10)
FunctionFormSet = formset_factory(FunctionForm, extra=1, can_delete=True, max_num=20)


def formset_data(formset) -> list:
    """The filled-in, not deleted rows of a valid formset, as service data."""
    return [data for form in formset.forms if (data := form.to_data()) is not None]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("New note"),
        max_length=10_000,
        widget=forms.Textarea(
            attrs={"rows": 3, "placeholder": _("What happened? What was agreed?")}
        ),
    )


ANY = ("", _("all"))
NAME_SORTS = [
    ("name", _("Name A–Z")),
    ("-name", _("Name Z–A")),
    ("-updated", _("Recently changed")),
]


class ContactFilterForm(forms.Form):
    """The filter bar above a contact list; the view reads the values through selectors' filters."""

    search = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"})
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=NAME_SORTS)

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [ANY, *((tag.name, tag.name) for tag in tags(scope=scope))]


class OrganisationFilterForm(ContactFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[ANY, *OrganisationKind.choices]
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    size_class = forms.ChoiceField(
        label=_("Size"), required=False, choices=[ANY, *SizeClass.choices]
    )
    district = forms.ChoiceField(label=_("District"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            *NAME_SORTS,
            ("-employees", _("Most employees")),
            ("employees", _("Fewest employees")),
            ("district", _("District")),
        ],
    )
    field_order = ["search", "kind", "sector", "size_class", "district", "tag", "sort"]

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, scope=scope, **kwargs)
        sections = [(section.code, str(section)) for section in wz2008.sections()]
        self.fields["sector"].choices = [ANY, *sections, *wz2008.division_choices()]
        self.fields["district"].choices = [ANY, *((name, name) for name in districts(scope=scope))]


class PersonFilterForm(ContactFilterForm):
    kind = forms.ChoiceField(
        label=_("Works at"), required=False, choices=[ANY, *OrganisationKind.choices]
    )
    field_order = ["search", "kind", "tag", "sort"]
