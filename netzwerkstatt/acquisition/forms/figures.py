"""The filters of the figures page and the funder report: project, period, staff member."""

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.selectors import workspace_users

from .. import selectors
from ..selectors.figures import FigureFilter, default_period

# The figures read the whole history of the period; five years is more than a project runs.
LONGEST_PERIOD_DAYS = 5 * 366


class FiguresFilterForm(forms.Form):
    """Unbound it stands for the defaults (all projects, the last twelve months)."""

    project = forms.TypedChoiceField(label=_("Project"), required=False, coerce=int)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    owner = forms.TypedChoiceField(label=_("Responsible"), required=False, coerce=int)

    project_required = False

    def __init__(self, data=None, *, scope: Scope, **kwargs):
        super().__init__(data, **kwargs)
        self.projects = list(selectors.projects(scope=scope).values_list("pk", "name"))
        first = [] if self.project_required else [("", _("all projects"))]
        self.fields["project"].choices = [*first, *self.projects]
        self.fields["project"].required = self.project_required
        self.fields["project"].empty_value = None
        self.fields["owner"].choices = [
            ("", _("everyone")),
            *((user.pk, str(user)) for user in workspace_users(scope=scope)),
        ]
        self.fields["owner"].empty_value = None
        period = default_period()
        self.fields["start"].widget.attrs["placeholder"] = period.start.isoformat()
        self.fields["end"].widget.attrs["placeholder"] = period.end.isoformat()
        self.initial.setdefault("start", period.start)
        self.initial.setdefault("end", period.end)
        if self.project_required and self.projects:
            self.initial.setdefault("project", self.projects[0][0])
        self._default = period

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("start") or self._default.start
        end = cleaned.get("end") or self._default.end
        if "start" in self.errors or "end" in self.errors:
            return cleaned
        if start > end:
            self.add_error("end", _("The end of the period must not lie before its start."))
        elif (end - start).days > LONGEST_PERIOD_DAYS:
            self.add_error("start", _("Choose a period of at most five years."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def filters(self) -> FigureFilter:
        """The chosen filters; an unbound form gives the defaults."""
        if not self.is_bound:
            project = self.initial.get("project") if self.project_required else None
            return FigureFilter(self._default.start, self._default.end, project=project)
        data = self.cleaned_data
        return FigureFilter(
            data["start"], data["end"], project=data.get("project"), owner=data.get("owner")
        )


class FunderReportForm(FiguresFilterForm):
    """One project and a period; the funder gets counts, so no staff member to choose."""

    project_required = True

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        del self.fields["owner"]
        if self.is_bound and "project" not in self.data and self.projects:
            # A link with only a period ("?start=…&end=…") reports on the first project.
            self.data = self.data.copy()
            self.data["project"] = str(self.projects[0][0])
        self.fields["project"].error_messages["required"] = _(
            "Choose the project the report is for."
        )
