"""Writes of benefit statements ("Nutzenargumentation"): a project's templates and the
statement saved with an approach.

Templates are checked with the pure renderer's rules (`benefit_text.template_problems`)
before they are saved, so a template never names a fact that does not exist. The
statement on an approach is the text the user saved after editing: it stays as it was
when the template or the company's facts change later.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.fields import assign
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from .. import benefit_text
from ..models import BenefitTemplate

TEMPLATE_FIELDS = ("name", "text")


@transaction.atomic
def benefit_templates_ensure(*, scope: Scope, project: Project) -> list[BenefitTemplate]:
    """The project's templates; a project without any gets the default German one first."""
    require(scope, "view_acquisition")
    check_workspace(scope, project)
    templates = list(scope.objects(BenefitTemplate).filter(project=project).order_by("name", "id"))
    if templates:
        return templates
    template = BenefitTemplate.objects.create(
        workspace=scope.workspace,
        project=project,
        name=benefit_text.DEFAULT_BENEFIT_TEMPLATE_NAME,
        text=benefit_text.DEFAULT_BENEFIT_TEMPLATE,
    )
    activity_record(scope=scope, action=Action.CREATED, target=template)
    return [template]


@transaction.atomic
def benefit_template_create(
    *, scope: Scope, project: Project, name: str, text: str
) -> BenefitTemplate:
    require(scope, "change_acquisition")
    check_workspace(scope, project)
    template = BenefitTemplate(
        workspace=scope.workspace, project=project, name=name.strip(), text=text.strip()
    )
    _template_clean(scope, template)
    template.save()
    activity_record(scope=scope, action=Action.CREATED, target=template)
    return template


@transaction.atomic
def benefit_template_update(
    *, scope: Scope, template: BenefitTemplate, **fields
) -> BenefitTemplate:
    require(scope, "change_acquisition")
    check_workspace(scope, template)
    changed = assign(template, fields, allowed=TEMPLATE_FIELDS, strip=True)
    if changed:
        _template_clean(scope, template)
        template.save()
        activity_record(
            scope=scope, action=Action.UPDATED, target=template, details={"fields": changed}
        )
    return template


@transaction.atomic
def benefit_template_delete(*, scope: Scope, template: BenefitTemplate) -> None:
    """Delete a template; statements saved with approaches stay as they are."""
    require(scope, "change_acquisition")
    check_workspace(scope, template)
    activity_record(scope=scope, action=Action.DELETED, target=template)
    template.delete()


def benefit_template_errors(text: str) -> list[str]:
    """German messages for what keeps the text from being a template; empty when fine."""
    problems = benefit_text.template_problems(text)
    messages = []
    if problems.unknown:
        messages.append(
            ngettext(
                "The placeholder %(names)s does not exist.",
                "The placeholders %(names)s do not exist.",
                len(problems.unknown),
            )
            % {"names": ", ".join(f"{{{name}}}" for name in problems.unknown)}
            + " "
            + _("Use only these: %(names)s.")
            % {"names": ", ".join(f"{{{name}}}" for name in benefit_text.PLACEHOLDERS)}
        )
    if problems.stray_braces:
        messages.append(
            _(
                "A brace is not closed or not opened: write placeholders as {firma} or "
                "{anrede|Sehr geehrte Damen und Herren}."
            )
        )
    if problems.stray_brackets:
        messages.append(
            _(
                "A square bracket is not closed, not opened or nested: put each optional "
                "sentence in one pair of [ ]."
            )
        )
    return messages


def _template_clean(scope: Scope, template: BenefitTemplate) -> None:
    errors = {}
    try:
        template.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if "text" not in errors:
        problems = benefit_template_errors(template.text)
        if problems:
            errors["text"] = problems
    taken = (
        scope.objects(BenefitTemplate)
        .filter(project_id=template.project_id, name=template.name)
        .exclude(pk=template.pk)
    )
    if template.name and "name" not in errors and taken.exists():
        errors["name"] = [
            _("The project already has a template called “%(name)s”.") % {"name": template.name}
        ]
    if errors:
        raise ValidationError(errors)
