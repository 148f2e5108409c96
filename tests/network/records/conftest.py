# The API tests here use the API clients of tests/api, the browser test the log-in of
# tests/browser (imported fixtures are registered).
from tests.api.conftest import api_as, partner_api, staff_api  # noqa: F401
from tests.browser.conftest import browser_type_launch_args, log_in  # noqa: F401
