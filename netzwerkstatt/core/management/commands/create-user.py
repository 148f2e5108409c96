import getpass
import os

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import User
from netzwerkstatt.core.services import membership_set, user_create

PASSWORD_VARIABLE = "NETZWERKSTATT_PASSWORD"  # noqa: S105  (the variable's name, not a password)


class Command(NetzwerkstattCommand):
    help = format_lazy(
        gettext_lazy(
            "Create a user with a role in a workspace, or give an existing user that role. "
            "The password comes from ${variable}, else it is prompted for."
        ),
        variable=PASSWORD_VARIABLE,
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help=_("the user's e-mail address"))
        parser.add_argument("--workspace", required=True, help=_("workspace slug"))
        parser.add_argument(
            "--role",
            required=True,
            choices=Role.values,
            help=_("the role in the workspace: %(roles)s")
            % {"roles": ", ".join(f"{role.value} ({role.label})" for role in Role)},
        )
        parser.add_argument("--first-name", default="", help=_("first name of a new user"))
        parser.add_argument("--last-name", default="", help=_("last name of a new user"))

    def handle(self, *args, email, workspace, role, first_name, last_name, **options):
        workspace = self.get_workspace(workspace)
        user = User.objects.filter(email__iexact=email).first()
        with transaction.atomic():
            if user is None:
                password = self._password(
                    User(email=email, first_name=first_name, last_name=last_name)
                )
                try:
                    user = user_create(
                        email=email, password=password, first_name=first_name, last_name=last_name
                    )
                except ValidationError as error:
                    raise CommandError("; ".join(error.messages)) from None
                message = _("User %(email)s created as %(role)s in “%(workspace)s”.")
            else:
                message = _("User %(email)s now has the role %(role)s in “%(workspace)s”.")
            membership_set(user=user, workspace=workspace, role=Role(role))
        self.stdout.write(
            message % {"email": user.email, "role": Role(role).label, "workspace": workspace.name}
        )

    def _password(self, user: User) -> str:
        password = os.environ.get(PASSWORD_VARIABLE)
        if password is None:
            password = getpass.getpass(_("Password: "))
            if password != getpass.getpass(_("Password (again): ")):
                raise CommandError(_("The passwords do not match."))
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password
