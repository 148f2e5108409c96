"""Shared base for the product's management commands."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from .models import Workspace


class NetzwerkstattCommand(BaseCommand):
    """A command that speaks the product's language (German unless configured otherwise)."""

    def execute(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            return super().execute(*args, **options)

    def get_workspace(self, slug: str) -> Workspace:
        try:
            return Workspace.objects.get(slug=slug)
        except Workspace.DoesNotExist:
            raise CommandError(
                translation.gettext("Workspace “%(slug)s” does not exist.") % {"slug": slug}
            ) from None
