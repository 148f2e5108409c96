from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportFormat(models.TextChoices):
    CSV = "csv", _("CSV / text file")
    XLSX = "xlsx", _("Excel workbook (.xlsx)")
    VCARD = "vcard", _("vCard")


class DuplicatePolicy(models.TextChoices):
    SKIP = "skip", _("Skip: leave the existing contact as it is")
    MERGE = "merge", _("Merge: fill empty fields and add new e-mails, phones and functions")


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    COMPLETED = "completed", _("Completed")
