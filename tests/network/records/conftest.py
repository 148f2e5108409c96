# The API tests here use the API clients of tests/api (imported fixtures are registered).
from tests.api.conftest import api_as, partner_api, staff_api  # noqa: F401
