"""Time-based one-time passwords (RFC 6238 on top of HOTP, RFC 4226), without the database.

The codes authenticator apps show: HMAC-SHA1 over the number of 30-second steps since
the epoch, truncated to six digits. `verify` accepts the step before and after the
current one (clocks drift) and refuses any step not later than the last one used, so a
code seen over someone's shoulder cannot be used a second time.
"""

import base64
import hashlib
import hmac
import secrets
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
# Steps accepted either side of the current one.
WINDOW = 1
SECRET_BYTES = 20  # 160 bits, the length RFC 4226 recommends for HMAC-SHA1

DIGESTS = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}


def secret_generate() -> str:
    """A new random secret, base32 without padding (what authenticator apps read)."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def secret_bytes(secret: str) -> bytes:
    """The key behind a base32 secret; spaces and lower case (as typed by hand) are fine."""
    cleaned = "".join(secret.split()).upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def secret_groups(secret: str, size: int = 4) -> list[str]:
    """The secret cut into groups, for typing it into an app by hand."""
    return [secret[start : start + size] for start in range(0, len(secret), size)]


def hotp(key: bytes, counter: int, *, digits: int = DIGITS, algorithm: str = "SHA1") -> str:
    """RFC 4226: the code for one counter value, with leading zeros."""
    mac = hmac.new(key, counter.to_bytes(8, "big"), DIGESTS[algorithm]).digest()
    offset = mac[-1] & 0x0F
    number = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def time_step(timestamp: float, *, step_seconds: int = STEP_SECONDS) -> int:
    return int(timestamp // step_seconds)


def totp(
    key: bytes,
    timestamp: float,
    *,
    digits: int = DIGITS,
    algorithm: str = "SHA1",
    step_seconds: int = STEP_SECONDS,
) -> str:
    """RFC 6238: the code valid at `timestamp` (seconds since the epoch)."""
    step = time_step(timestamp, step_seconds=step_seconds)
    return hotp(key, step, digits=digits, algorithm=algorithm)


def verify(secret: str, code: str, *, timestamp: float, last_step: int | None = None) -> int | None:
    """The time step `code` belongs to, or None when it is wrong, too old or already used.

    The caller stores the returned step as the last one used and passes it next time.
    """
    code = "".join(code.split())
    if len(code) != DIGITS or not code.isdigit():
        return None
    key = secret_bytes(secret)
    current = time_step(timestamp)
    matched = None
    # Every candidate is computed and compared, so the time taken does not say which matched.
    for step in range(current - WINDOW, current + WINDOW + 1):
        fresh = last_step is None or step > last_step
        if hmac.compare_digest(hotp(key, step), code) and fresh and matched is None:
            matched = step
    return matched


def provisioning_uri(secret: str, *, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    label = quote(f"{issuer}:{account}", safe="@:")
    parameters = urlencode(
        {
            "secret": secret,
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": STEP_SECONDS,
        }
    )
    return f"otpauth://totp/{label}?{parameters}"
