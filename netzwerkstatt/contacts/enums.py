from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    CHAMBER = "chamber", _("Chamber")
    UNION = "union", _("Trade union")
    EMPLOYERS_ASSOCIATION = "employers_association", _("Employers' association")
    EMPLOYMENT_AGENCY = "employment_agency", _("Employment agency / job centre")
    EDUCATION_PROVIDER = "education_provider", _("Education provider")
    CONSULTANCY = "consultancy", _("Consultancy")
    MUNICIPALITY = "municipality", _("Municipality")
    OTHER = "other", _("Other")


class SizeClass(models.TextChoices):
    """Size classes by head count, as in the EU SME definition (Recommendation 2003/361/EC)."""

    MICRO = "micro", _("Micro (fewer than 10)")
    SMALL = "small", _("Small (10–49)")
    MEDIUM = "medium", _("Medium-sized (50–249)")
    LARGE = "large", _("Large (250 or more)")

    @classmethod
    def for_employees(cls, count: int | None) -> "SizeClass | None":
        if count is None:
            return None
        for size_class in cls:
            low, high = size_class.employee_range
            if count >= low and (high is None or count <= high):
                return size_class
        return None

    @property
    def employee_range(self) -> tuple[int, int | None]:
        return {
            "micro": (0, 9),
            "small": (10, 49),
            "medium": (50, 249),
            "large": (250, None),
        }[self.value]


class Salutation(models.TextChoices):
    MS = "ms", _("Ms")
    MR = "mr", _("Mr")
    NONE = "", _("(none)")


class State(models.TextChoices):
    """The German federal states (Bundesländer) by their ISO 3166-2 codes."""

    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", "Hessen"
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", "Niedersachsen"
    NW = "NW", "Nordrhein-Westfalen"
    RP = "RP", "Rheinland-Pfalz"
    SL = "SL", "Saarland"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", "Thüringen"


class EmailKind(models.TextChoices):
    WORK = "work", _("Work")
    PRIVATE = "private", _("Private")


class PhoneKind(models.TextChoices):
    WORK = "work", _("Work")
    MOBILE = "mobile", _("Mobile")
    PRIVATE = "private", _("Private")
    FAX = "fax", _("Fax")


class DoorOpener(models.TextChoices):
    """Whether a person has agreed to introduce the team to others ("Türöffner")."""

    NOT_ASKED = "not_asked", _("not asked yet")
    WILLING = "willing", _("willing to open doors")
    UNWILLING = "unwilling", _("does not want to open doors")
