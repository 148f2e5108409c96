import time

import pytest

from netzwerkstatt.accounts import services, totp
from netzwerkstatt.accounts.models import SecondFactor


def current_code(factor: SecondFactor, *, offset: int = 0) -> str:
    return totp.totp(totp.secret_bytes(factor.secret), time.time() + offset)


@pytest.fixture
def factor(staff) -> SecondFactor:
    """A confirmed second factor of the staff member."""
    pending = services.second_factor_begin(user=staff)
    assert services.second_factor_confirm(
        user=staff, code=current_code(pending), timestamp=time.time()
    )
    pending.refresh_from_db()
    # The confirming code's step is used; the tests sign in with the next step's code.
    return pending
