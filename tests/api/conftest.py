import pytest

from netzwerkstatt.api.services import api_token_issue
from tests.factories import MembershipFactory


class ApiClient:
    """Django's test client speaking JSON to /api/v1/ with a bearer token."""

    def __init__(self, client, token: str | None = None):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, params: dict | None = None, *, headers: dict | None = None):
        return self.client.get(
            self._url(path), params or {}, headers={**self.headers, **(headers or {})}
        )

    def post(self, path: str, body: dict | None = None):
        return self._send("post", path, body)

    def patch(self, path: str, body: dict | None = None):
        return self._send("patch", path, body)

    def delete(self, path: str):
        return self.client.delete(self._url(path), headers=self.headers)

    def _send(self, method: str, path: str, body: dict | None):
        return getattr(self.client, method)(
            self._url(path), body or {}, content_type="application/json", headers=self.headers
        )

    @staticmethod
    def _url(path: str) -> str:
        return f"/api/v1/{path.lstrip('/')}"


@pytest.fixture
def api_as(client):
    """An API client acting as `user` in `workspace` through a freshly issued token."""

    def make(user, workspace) -> ApiClient:
        _token, raw = api_token_issue(user=user, workspace=workspace)
        return ApiClient(client, raw)

    return make


@pytest.fixture
def lead_api(api_as, lead, workspace):
    return api_as(lead, workspace)


@pytest.fixture
def staff_api(api_as, staff, workspace):
    return api_as(staff, workspace)


@pytest.fixture
def partner_api(api_as, partner, workspace):
    return api_as(partner, workspace)


@pytest.fixture
def foreign_api(api_as, other_workspace):
    """A staff member of another workspace: must never see or touch this workspace's rows."""
    user = MembershipFactory(workspace=other_workspace).user
    return api_as(user, other_workspace)


@pytest.fixture
def anonymous_api(client):
    return ApiClient(client)
