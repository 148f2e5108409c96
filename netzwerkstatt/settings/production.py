"""Production: every secret and host from the environment, HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix makes browsers accept these cookies only over HTTPS, for this host
# alone (no Domain) and the whole site (Path=/): a neighbouring subdomain cannot set them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# A reverse proxy in front (see the README): the client's address for throttles and the
# login lockout comes from the X-Forwarded-For entry it appends (core.throttle).
NETZWERKSTATT_TRUSTED_PROXIES = int(os.environ.get("NETZWERKSTATT_TRUSTED_PROXIES", "1"))
# The throttle counts live in Django's cache: in the database, so that all worker processes
# and app servers count together. `netzwerkstatt createcachetable` creates the table.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "netzwerkstatt_cache",
    }
}
