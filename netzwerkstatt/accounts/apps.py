from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "netzwerkstatt.accounts"
    verbose_name = _("Accounts and sign-in")

    def ready(self) -> None:
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in

        from .lockout import locked_out_record
        from .sessions import signed_in

        user_logged_in.connect(signed_in, dispatch_uid="accounts_signed_in")
        user_locked_out.connect(locked_out_record, dispatch_uid="accounts_locked_out")
