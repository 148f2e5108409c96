import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.models import WorkspaceScopedModel

from . import wz2008
from .enums import (
    DoorOpener,
    EmailKind,
    OrganisationKind,
    PhoneKind,
    Salutation,
    SizeClass,
    State,
)
from .importing.enums import DuplicatePolicy, ImportFormat, ImportStatus

postal_code_validator = RegexValidator(r"^\d{5}$", _("A German postal code has five digits."))


def validate_sector(value: str) -> None:
    entry = wz2008.get(value)
    if entry is None or entry.is_section:
        raise ValidationError(_("“%(value)s” is not a WZ 2008 division."), params={"value": value})


class Tag(WorkspaceScopedModel):
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="tag_unique_name")
        ]

    def __str__(self):
        return self.name


class Contact(WorkspaceScopedModel):
    """What organisations and persons share: tags, free notes, partner sharing, search key."""

    tags = models.ManyToManyField(
        Tag, blank=True, related_name="%(class)ss", verbose_name=_("tags")
    )
    notes = models.TextField(_("notes"), blank=True)
    is_shared = models.BooleanField(
        _("visible to partners"),
        default=False,
        help_text=_("Users with the partner role can see this record (never its notes)."),
    )
    # Folded text (see contacts.normalise) that searches match against; kept by the services.
    search_key = models.CharField(max_length=600, editable=False, blank=True, default="")
    # Folded name for duplicate detection.
    name_key = models.CharField(max_length=300, editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True

    @classmethod
    def partner_visible(cls, queryset):
        return queryset.filter(is_shared=True)


class Organisation(Contact):
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=30, choices=OrganisationKind.choices, default=OrganisationKind.COMPANY
    )
    sector = models.CharField(
        _("sector (WZ 2008)"), max_length=2, blank=True, validators=[validate_sector]
    )
    employee_count = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"), max_length=5, blank=True, validators=[postal_code_validator]
    )
    city = models.CharField(_("town"), max_length=100, blank=True)
    district = models.CharField(_("district (Landkreis)"), max_length=100, blank=True)
    state = models.CharField(_("federal state"), max_length=2, choices=State.choices, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["workspace", "name"]),
            models.Index(fields=["workspace", "kind", "name"]),
            models.Index(fields=["workspace", "sector"]),
            models.Index(fields=["workspace", "district"]),
            models.Index(fields=["workspace", "employee_count"]),
            models.Index(fields=["workspace", "name_key", "postal_code"]),
            models.Index(fields=["workspace", "updated_at"]),
            models.Index(fields=["workspace", "search_key"]),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contacts:organisation_detail", args=[self.pk])

    def get_note_url(self):
        return reverse("contacts:organisation_note_create", args=[self.pk])

    @property
    def size_class(self) -> SizeClass | None:
        return SizeClass.for_employees(self.employee_count)

    @property
    def sector_entry(self) -> wz2008.Classification | None:
        return wz2008.get(self.sector) if self.sector else None


class Person(Contact):
    salutation = models.CharField(
        _("salutation"), max_length=2, choices=Salutation.choices, blank=True, default=""
    )
    title = models.CharField(_("academic title"), max_length=50, blank=True)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100)
    door_opener = models.CharField(
        _("door opener"),
        max_length=10,
        choices=DoorOpener.choices,
        default=DoorOpener.NOT_ASKED,
        help_text=_(
            "May the team ask this person to introduce it to others? Warm paths never lead through someone who declined."
        ),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["last_name", "first_name", "id"]
        indexes = [
            models.Index(fields=["workspace", "last_name", "first_name"]),
            models.Index(fields=["workspace", "name_key"]),
            models.Index(fields=["workspace", "updated_at"]),
            models.Index(fields=["workspace", "search_key"]),
        ]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("contacts:person_detail", args=[self.pk])

    def get_note_url(self):
        return reverse("contacts:person_note_create", args=[self.pk])

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)


class ContactDetail(WorkspaceScopedModel):
    """Rows that belong to a person; partners see them only on shared persons."""

    class Meta:
        abstract = True

    @classmethod
    def partner_visible(cls, queryset):
        return queryset.filter(person__is_shared=True)


class Function(ContactDetail):
    """A person's role at an organisation (Geschäftsführung, Personalleitung, Betriebsrat …)."""

    @classmethod
    def partner_visible(cls, queryset):
        # A function names both ends: partners see it only when both are shared.
        return queryset.filter(person__is_shared=True, organisation__is_shared=True)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="functions")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="functions",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("function"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    start_date = models.DateField(_("since"), null=True, blank=True)
    end_date = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("function")
        verbose_name_plural = _("functions")
        ordering = ["end_date", "-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="function_ends_after_start",
                violation_error_message=_("The end date must not be before the start date."),
            )
        ]

    def __str__(self):
        return f"{self.role or _('function')} – {self.organisation}"

    @property
    def is_current(self) -> bool:
        return self.end_date is None or self.end_date >= timezone.localdate()


class EmailAddress(ContactDetail):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="emails")
    address = models.EmailField(_("e-mail address"))
    # Lower-cased address, so duplicates are found case-insensitively through an index.
    address_key = models.CharField(max_length=254, editable=False, blank=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=EmailKind.choices, default=EmailKind.WORK
    )

    class Meta:
        verbose_name = _("e-mail address")
        verbose_name_plural = _("e-mail addresses")
        ordering = ["id"]
        indexes = [models.Index(fields=["workspace", "address_key"])]

    def __str__(self):
        return self.address

    def save(self, *args, **kwargs):
        self.address_key = self.address.strip().lower()
        super().save(*args, **kwargs)


class PhoneNumber(ContactDetail):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(
        _("number"),
        max_length=50,
        validators=[
            RegexValidator(r"^\+?[\d\s()/.-]{3,}$", _("Enter a phone number with digits."))
        ],
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=PhoneKind.choices, default=PhoneKind.WORK
    )

    class Meta:
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")
        ordering = ["id"]

    def __str__(self):
        return self.number


class Note(WorkspaceScopedModel):
    """A dated entry on an organisation's or a person's timeline; never shown to partners."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="timeline_notes"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="timeline_notes"
    )
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False, person__isnull=True)
                | models.Q(organisation__isnull=True, person__isnull=False),
                name="note_has_one_subject",
                violation_error_message=_("A note belongs to exactly one organisation or person."),
            )
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def subject(self) -> Organisation | Person:
        return self.organisation or self.person

    def get_absolute_url(self):
        return self.subject.get_absolute_url()


def import_upload_path(instance: "ImportJob", filename: str) -> str:
    """A random name on disk with the extension of the format read from the content: nothing
    of the uploaded name (often personal, and chosen by the uploader) reaches the disk."""
    return f"imports/{uuid.uuid4().hex}.{instance.format or 'bin'}"


class ImportJob(WorkspaceScopedModel):
    """An uploaded contact file on its way through the import wizard.

    The uploaded file is deleted once the import has completed, so that personal
    data does not linger in the file store; the counts and errors stay as result.
    """

    file = models.FileField(_("file"), upload_to=import_upload_path, blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    format = models.CharField(_("format"), max_length=10, choices=ImportFormat.choices)
    mapping = models.JSONField(_("column mapping"), default=list, blank=True)
    duplicates = models.CharField(
        _("duplicates"),
        max_length=10,
        choices=DuplicatePolicy.choices,
        default=DuplicatePolicy.SKIP,
    )
    skip_invalid = models.BooleanField(_("import only the valid rows"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    result = models.JSONField(_("result"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact import")
        verbose_name_plural = _("contact imports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        name = "import_result" if self.status == ImportStatus.COMPLETED else "import_review"
        return reverse(f"contacts:{name}", args=[self.pk])


# The tables a bulk import of contacts writes, for refreshing planner statistics after it.
CONTACT_TABLES = (Organisation, Person, Function, EmailAddress, PhoneNumber, Tag)
