import time

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.demo.loader import DEFAULT_SEED, demo_load
from netzwerkstatt.demo.users import DEMO_PASSWORD, DEMO_USERS

DEMO_URL = "http://127.0.0.1:8000/"


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "Load the demo network “Bildungsverein Nord” unless it exists, "
        "then print where to open Netzwerkstatt and the demo logins."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=_("seed of the generated data; used only when the demo is first loaded"),
        )
        parser.add_argument(
            "--url",
            default=DEMO_URL,
            help=_("the address the printed message points to (default %(default)s)"),
        )

    def handle(self, *args, seed, url, **options):
        started = time.perf_counter()
        result = demo_load(seed=seed)
        if result.created:
            message = _(
                "Demo network “%(name)s” created in %(seconds)s s: %(companies)d companies, "
                "%(partners)d network partners, %(persons)d persons, %(notes)d notes."
            ) % {
                "name": result.workspace.name,
                "seconds": number_format(time.perf_counter() - started, decimal_pos=1),
                **result.counts,
            }
            self.stdout.write(self.style.SUCCESS(message))
        else:
            self.stdout.write(
                _("The demo network “%(name)s” already exists; nothing was changed.")
                % {"name": result.workspace.name}
            )
        self.stdout.write(
            _("Open %(url)s in your browser and sign in with one of these demo logins:")
            % {"url": url}
        )
        for user in DEMO_USERS:
            login = _("%(role)s: e-mail %(email)s, password %(password)s") % {
                "role": user.role.label,
                "email": user.email,
                "password": DEMO_PASSWORD,
            }
            self.stdout.write(f"  {login}")
