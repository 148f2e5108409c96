"""Counting requests in a time window, for the public pages behind unguessable tokens.

The partner survey, the event registration and report and the calendar feed open
without a login; a client address that presents too many unknown tokens within the
window is held off (429) until the window has passed, so guessing tokens does not
pay. The counts live in Django's cache, shared by all processes that share the cache.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Throttle:
    """At most `allowed` counted hits per key within `seconds` (the window starts at the
    first hit)."""

    name: str
    allowed: int
    seconds: int = 600

    def _cache_key(self, key: str) -> str:
        return f"{self.name}:{key}"

    def hit(self, key: str) -> int:
        """Count one hit for the key; returns the number of hits in the current window."""
        cache_key = self._cache_key(key)
        if cache.add(cache_key, 1, self.seconds):
            return 1
        try:
            return cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, self.seconds)
            return 1

    def held_off(self, key: str) -> bool:
        """Whether the key has used up its hits in the current window."""
        return cache.get(self._cache_key(key), 0) >= self.allowed


def client_address(request: HttpRequest) -> str:
    """The client's IP address, for throttles and the login lockout.

    Behind NETZWERKSTATT_TRUSTED_PROXIES reverse proxies (production: 1) REMOTE_ADDR is
    the nearest proxy's address, the same for every client: then the address comes from
    X-Forwarded-For, where each proxy appends the address it received the request from.
    Counted from the right, past the trusted proxies' entries: entries further left come
    from the client and could be forged.
    """
    proxies = getattr(settings, "NETZWERKSTATT_TRUSTED_PROXIES", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
