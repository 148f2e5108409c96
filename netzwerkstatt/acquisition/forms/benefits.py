"""Forms of benefit statements: a project's templates and the statement of an approach."""

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.scoping import Scope

from .. import selectors
from ..models import Approach, BenefitTemplate


class BenefitTemplateForm(forms.ModelForm):
    class Meta:
        model = BenefitTemplate
        fields = ["name", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 16, "spellcheck": "true"})}
        error_messages = {
            "name": {"required": _("Give the template a name, e.g. “Erstansprache”.")},
            "text": {"required": _("Write the template's text.")},
        }


class BenefitStatementForm(forms.Form):
    """The template to start from and the statement as the user edited it."""

    template = forms.ModelChoiceField(
        label=_("Template"), queryset=BenefitTemplate.objects.none(), required=False
    )
    statement = forms.CharField(
        label=_("Benefit statement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
    )

    def __init__(self, *args, scope: Scope, approach: Approach, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["template"]
        field.queryset = selectors.benefit_template_list(scope=scope, project=approach.project)
        field.empty_label = _("– no template –")
