from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .importing.enums import DuplicatePolicy
from .importing.errors import UnusableInputError
from .importing.mapping import TARGET_FIELDS, mapping_problems
from .importing.reading import Source, read_source


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A CSV file (for example exported from Outlook or saved from Excel), an Excel "
            "workbook (.xlsx) or vCards (.vcf)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.NETZWERKSTATT_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s. Split it into smaller files."),
                params={"limit": filesizeformat(limit)},
            )
        try:
            self.source: Source = read_source(upload.read())
        except UnusableInputError as error:
            raise forms.ValidationError(error.message) from None
        upload.seek(0)
        return upload


class ImportOptionsForm(forms.Form):
    """The column mapping (for tables) and how duplicates and invalid rows are handled."""

    duplicates = forms.ChoiceField(
        label=_("Contacts that exist already"),
        choices=DuplicatePolicy.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Same e-mail address, same name at the same organisation, or same organisation "
            "name and postal code. A merge never overwrites a value that is filled in."
        ),
    )
    skip_invalid = forms.BooleanField(
        label=_("Import only the valid rows"),
        required=False,
        help_text=_("Rows with errors are left out and listed after the import."),
    )

    def __init__(self, *args, columns: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.column_count = len(columns)
        choices = [("", _("– do not import –")), *((f.key, f.label) for f in TARGET_FIELDS)]
        for index, column in enumerate(columns):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=column, choices=choices, required=False
            )

    @property
    def mapping_fields(self) -> list[forms.BoundField]:
        return [self[f"column_{index}"] for index in range(self.column_count)]

    @property
    def mapping(self) -> list[str]:
        return [self.cleaned_data[f"column_{index}"] for index in range(self.column_count)]

    def clean(self):
        cleaned_data = super().clean()
        if self.column_count and not self.errors:
            for problem in mapping_problems(self.mapping):
                self.add_error(None, problem)
        return cleaned_data

    @classmethod
    def initial_for(cls, job) -> dict:
        return {
            "duplicates": job.duplicates,
            "skip_invalid": job.skip_invalid,
            **{f"column_{index}": key for index, key in enumerate(job.mapping)},
        }
