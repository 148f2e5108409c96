from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.security import HttpBearer

from netzwerkstatt.core.scoping import Scope

from .services import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer TOKEN`; the request then acts in the token's scope (`request.scope`).

    With `permission`, the scope's role must also grant it: 403 before the request's
    input is read, so the answer does not depend on what was sent.
    """

    def __init__(self, *, permission: str | None = None):
        super().__init__()
        self.permission = permission

    def authenticate(self, request: HttpRequest, token: str) -> Scope | None:
        scope = api_token_authenticate(raw=token)
        if scope is None:
            return None
        if self.permission and not scope.can(self.permission):
            raise PermissionDenied(self.permission)
        request.scope = scope
        return scope
