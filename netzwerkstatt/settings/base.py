"""Settings shared by every environment; each value that differs comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Our apps first: their templates and translations take precedence over Django's
# (e.g. "Save" is "Speichern" here, not the admin's "Sichern").
INSTALLED_APPS = [
    "netzwerkstatt.core",
    "netzwerkstatt.contacts",
    "netzwerkstatt.network",
    "netzwerkstatt.acquisition",
    "netzwerkstatt.events",
    "netzwerkstatt.steering",
    "netzwerkstatt.privacy",
    "netzwerkstatt.audit",
    "netzwerkstatt.accounts",
    "netzwerkstatt.api",
    "netzwerkstatt.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "csp",
    "ninja",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "netzwerkstatt.core.security.PermissionsPolicyMiddleware",
    "netzwerkstatt.core.security.PdfPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "netzwerkstatt.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, which reads the body: too large a body is refused unread.
    "netzwerkstatt.core.security.RequestSizeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Ends sessions that were idle or open too long (after messages, so it can say why).
    "netzwerkstatt.accounts.middleware.SessionTimeoutMiddleware",
    "netzwerkstatt.core.middleware.ScopeMiddleware",
    # A lead whose workspace requires a second factor sets one up before anything else.
    "netzwerkstatt.accounts.middleware.SecondFactorPolicyMiddleware",
    # Last, as django-axes asks: turns a lockout into the login page's answer.
    "axes.middleware.AxesMiddleware",
]

FORM_RENDERER = "netzwerkstatt.core.forms.FormRenderer"

ROOT_URLCONF = "netzwerkstatt.urls"
WSGI_APPLICATION = "netzwerkstatt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "netzwerkstatt.core.context_processors.navigation",
            ],
        },
    },
]

# SQLite by default; PostgreSQL (or any engine) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL plus IMMEDIATE transactions: two writing processes wait for each other
    # instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "login"
# django-axes checks every sign-in first (lockouts), then Django's model backend signs in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed sign-ins for one e-mail
# address from one client address, that pair is locked for AXES_COOLOFF_MINUTES. By address
# and client together, so guessing from one place stops without letting anyone lock a
# colleague out from elsewhere, or a whole office behind one address. Unknown addresses
# are counted like known ones, so the lockout says nothing about which accounts exist.
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_MINUTES = int(os.environ.get("AXES_COOLOFF_MINUTES", "15"))
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "netzwerkstatt.accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "netzwerkstatt.core.throttle.client_address"
AXES_LOCKOUT_CALLABLE = "netzwerkstatt.accounts.lockout.lockout_response"
# Attempts during a lockout neither count nor extend it (nor grow the stored record).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# Keep as little as possible: no log of successful sign-ins, no failure log; an attempt
# record (address typed, client address, browser) goes once its cool-off has passed.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
# No start-up banner, and no browser string in axes' log lines (addresses are masked).
AXES_VERBOSE = False

# Sessions: a new key at every sign-in (Django), ended after NETZWERKSTATT_SESSION_IDLE_MINUTES
# without a request or NETZWERKSTATT_SESSION_MAX_HOURS after the sign-in, whichever is first
# (`accounts.middleware.SessionTimeoutMiddleware`).
NETZWERKSTATT_SESSION_IDLE_MINUTES = int(
    os.environ.get("NETZWERKSTATT_SESSION_IDLE_MINUTES", "120")
)
NETZWERKSTATT_SESSION_MAX_HOURS = int(os.environ.get("NETZWERKSTATT_SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = NETZWERKSTATT_SESSION_MAX_HOURS * 60 * 60

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles"))
# Front-end libraries come from npm (package.json, package-lock.json); served as static files.
NODE_MODULES = PROJECT_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/chart.js", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/cytoscape", NODE_MODULES / "cytoscape" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", PROJECT_DIR / "media"))

# Large contact imports arrive as uploads; keep them on disk, not in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
NETZWERKSTATT_IMPORT_MAX_BYTES = int(
    os.environ.get("NETZWERKSTATT_IMPORT_MAX_BYTES", str(50 * 1024 * 1024))
)
# Request bodies are refused with 413 before they are read when their Content-Length is
# above the view's limit (`core.security.upload_limit`), or above DATA_UPLOAD_MAX_MEMORY_SIZE
# for views that take no files: Django's own limit does not count uploaded files.
# One request of the photo upload carries up to 30 photos.
NETZWERKSTATT_PHOTO_UPLOAD_MAX_BYTES = int(
    os.environ.get("NETZWERKSTATT_PHOTO_UPLOAD_MAX_BYTES", str(300 * 1024 * 1024))
)

# The relationship graph: how many workspaces' graphs a process keeps in memory (one with
# 100,000 persons and 1,000,000 ties takes a few hundred MB), and from
# how many edges a changed graph is rebuilt in the background (the old one answers meanwhile).
NETZWERKSTATT_GRAPH_CACHE_SIZE = int(os.environ.get("NETZWERKSTATT_GRAPH_CACHE_SIZE", "4"))
NETZWERKSTATT_GRAPH_BACKGROUND_EDGES = int(
    os.environ.get("NETZWERKSTATT_GRAPH_BACKGROUND_EDGES", "200000")
)
# Whether the health page may start a stale metrics computation in a background thread;
# set to false where cron runs `netzwerkstatt network-metrics` instead.
NETZWERKSTATT_METRICS_IN_BACKGROUND = env_bool("NETZWERKSTATT_METRICS_IN_BACKGROUND", default=True)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_SAMESITE = "Lax"

# Content Security Policy (django-csp): scripts, styles, images and requests from our own
# origin only; no inline scripts or styles and no eval anywhere, so injected markup
# cannot run. Templates keep JavaScript and CSS in static files; htmx runs with
# allowEval off and without its injected indicator styles (see base.html).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
# Browser features the app never uses, switched off for every page (core.security).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports each step of every PDF at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}
