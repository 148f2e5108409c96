from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.services import workspace_create


class Command(NetzwerkstattCommand):
    help = gettext_lazy("Create a workspace (the tenant: an organisation running projects).")

    def add_arguments(self, parser):
        parser.add_argument("slug", help=_("short name used in URLs and commands, e.g. bv-nord"))
        parser.add_argument("--name", required=True, help=_("display name"))

    def handle(self, *args, slug, name, **options):
        try:
            workspace = workspace_create(slug=slug, name=name)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(
            _("Workspace “%(name)s” (%(slug)s) created.")
            % {"name": workspace.name, "slug": workspace.slug}
        )
