"""The test suite: fast hashing, in-memory e-mail, an isolated media folder."""

import tempfile
from pathlib import Path

from .local import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="netzwerkstatt-test-media-"))
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files straight from the apps and node_modules (no collectstatic in tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
