from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import SizeClass
from netzwerkstatt.core.scoping import Scope

from .. import selectors
from ..models import TargetProfile
from ..selectors.targeting import WEIGHT_FIELDS

ANY = ("", _("all"))


def sector_choices() -> list:
    """WZ sections (standing for all their divisions) and the divisions, grouped by section."""
    return [
        (_("Whole sections"), [(s.code, str(s)) for s in wz2008.sections()]),
        *wz2008.division_choices(),
    ]


class TargetFilterForm(forms.Form):
    project = forms.ChoiceField(label=_("Project"), required=False)
    sector = forms.ChoiceField(label=_("Sector (WZ 2008)"), required=False)
    size_class = forms.ChoiceField(
        label=_("Size class"), required=False, choices=[ANY, *SizeClass.choices]
    )
    district = forms.ChoiceField(label=_("District"), required=False)
    min_score = forms.IntegerField(
        label=_("Score at least"),
        required=False,
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"step": "5", "inputmode": "numeric"}),
    )
    new_only = forms.BooleanField(label=_("Not yet in the pipeline"), required=False)

    def __init__(self, *args, scope: Scope, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = list(
            selectors.projects(scope=scope).values_list("pk", "name")
        )
        if project is not None:
            self.initial.setdefault("project", project.pk)
        self.fields["sector"].choices = [ANY, *sector_choices()]
        self.fields["district"].choices = [
            ANY,
            *((name, name) for name in selectors.company_districts(scope=scope)),
        ]


class TargetProfileForm(forms.ModelForm):
    """What the project looks for and how much each part of the score weighs."""

    sectors = forms.MultipleChoiceField(
        label=_("Sectors (WZ 2008)"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_(
            "A whole section counts for all its divisions. Hold Ctrl (⌘ on a Mac) to choose "
            "several. None chosen: the sector does not count."
        ),
    )
    size_classes = forms.MultipleChoiceField(
        label=_("Size classes"),
        required=False,
        choices=SizeClass.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: the size does not count."),
    )
    districts = forms.MultipleChoiceField(
        label=_("Districts"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The districts of your companies. None chosen: the region does not count."),
    )

    class Meta:
        model = TargetProfile
        fields = ["sectors", "size_classes", "districts", *WEIGHT_FIELDS.values()]
        widgets = {
            name: forms.NumberInput(attrs={"min": "0", "max": "10", "inputmode": "numeric"})
            for name in WEIGHT_FIELDS.values()
        }

    def __init__(self, *args, scope: Scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = sector_choices()
        districts = selectors.company_districts(scope=scope)
        chosen = [name for name in (self.instance.districts or []) if name not in districts]
        self.fields["districts"].choices = [(name, name) for name in sorted([*districts, *chosen])]

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
