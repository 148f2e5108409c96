from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.api.services import api_token_issue
from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import User, Workspace
from netzwerkstatt.core.selectors import memberships_of


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "Issue an API token for a user in one workspace. "
        "The token is printed once, alone on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help=_("the user's e-mail address"))
        parser.add_argument(
            "--workspace", help=_("workspace slug; required if the user belongs to several")
        )

    def handle(self, *args, email, workspace, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(
                _("There is no user with the e-mail address %(email)s.") % {"email": email}
            )
        workspace = self.get_workspace(workspace) if workspace else self._only_workspace(user)
        try:
            _token, raw = api_token_issue(user=user, workspace=workspace)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        role = memberships_of(user=user).get(workspace=workspace).role
        self.stdout.write(
            _(
                "API token for %(email)s in “%(workspace)s” (role: %(role)s). "
                "It acts with the user's current role there and is shown only now: "
                "send it as “Authorization: Bearer <token>”."
            )
            % {"email": user.email, "workspace": workspace.name, "role": Role(role).label}
        )
        self.stdout.write(raw)

    def _only_workspace(self, user: User) -> Workspace:
        memberships = list(memberships_of(user=user))
        if not memberships:
            raise CommandError(
                _("%(email)s is not a member of any workspace.") % {"email": user.email}
            )
        if len(memberships) > 1:
            raise CommandError(
                _("%(email)s belongs to several workspaces; choose one with --workspace: %(slugs)s")
                % {
                    "email": user.email,
                    "slugs": ", ".join(membership.workspace.slug for membership in memberships),
                }
            )
        return memberships[0].workspace
