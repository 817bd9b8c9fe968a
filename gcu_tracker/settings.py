"""Settings for GCU Tracker, read from the environment.

Debug mode is off unless DJANGO_DEBUG asks for it (`make run` does, for a developer's
machine); without it the site needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS, as
README.md's Deploy section describes. SQLite is the default database, so that a fresh
clone runs; DATABASE_URL switches to PostgreSQL.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.country_names import UN_SHORT_NAMES

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


# Off unless asked for: a server that forgets the variable must not show tracebacks,
# settings and records to whoever makes it fail.
DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    # Only ever used on a developer's machine: debug mode with no key configured.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")

# Debug mode is for this machine only: with a host name a network can reach, a fault
# would show its traceback, settings and data to anyone.
LOCAL_HOSTS = {"127.0.0.1", "localhost", ".localhost", "::1", "[::1]"}
if DEBUG and not set(ALLOWED_HOSTS) <= LOCAL_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is on but DJANGO_ALLOWED_HOSTS names hosts other than this machine "
        f"({', '.join(sorted(set(ALLOWED_HOSTS) - LOCAL_HOSTS))}): debug mode would show "
        "tracebacks and settings to them. Turn DJANGO_DEBUG off on a server."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# HTTPS only, with secure cookies and HSTS, whenever debug is off. Each can be turned off,
# for a trial on plain http://127.0.0.1 (`make serve` does so) and never on a real server.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# No script of ours reads the CSRF cookie: forms carry the token, the API docs page too.
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
# Set behind a reverse proxy that terminates TLS, overwrites X-Forwarded-Proto and appends
# the client's address to X-Forwarded-For. Never without such a proxy: clients could then
# claim HTTPS, or another address to dodge the sign-in lockout.
GCU_BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
if GCU_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = os.environ.get("DJANGO_REFERRER_POLICY", "same-origin")
SECURE_CONTENT_TYPE_NOSNIFF = True

# Every page loads script, style and images from this site only, and no inline script.
# A view that sets its own policy keeps it (the standalone report export does).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The API docs' stylesheet draws its icons as data: SVG images.
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

INSTALLED_APPS = [
    # Registry names in English, French and Spanish (activities/translation.py); before the
    # admin, whose forms it patches.
    "modeltranslation",
    "gcu_tracker.admin_site.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    # Sign-in: the local form for break-glass accounts, single sign-on over OpenID Connect
    # (any provider, and Microsoft Entra ID), a second factor (TOTP and recovery codes).
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "csp",
    "django_countries",
    "django_filters",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Background work (imports of large files, large exports, report builds): Django's tasks
    # API, kept in the database and run by `manage.py db_worker`.
    "django_tasks",
    "django_tasks_db",
    # Ours, from the bottom of the house up: each imports only from those above it here.
    "core",
    "ops",
    "jobs",
    "partners",
    "activities",
    "iati",
    "network",
    "commitments",
    "unswap",
    "reports",
    "samples",
    "accounts",
]

MIDDLEWARE = [
    # First, so that load balancers can probe over plain http and by IP address.
    "ops.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for browsers that accept it (static files come compressed already):
    # the add form's HTML is 54 KB as it is, 8 KB compressed. Django pads the compressed
    # body with random bytes against BREACH-style guessing of the page's tokens.
    "django.middleware.gzip.GZipMiddleware",
    # Before anything reads the query or a form: NUL characters are refused with a 400.
    "ops.faults.BadInputMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Managers and superusers signed in locally set up a second factor before anything else.
    "accounts.middleware.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A view that cannot reach the database answers 503 with Retry-After.
    "ops.faults.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gcu_tracker.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "gcu_tracker.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Behind PgBouncer in transaction mode a cursor cannot outlive its transaction: exports then
# read their chunks with plain queries instead of a server-side cursor.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("DJANGO_DISABLE_SERVER_SIDE_CURSORS")

# One shared cache when REDIS_URL is set (several app servers); otherwise in-process.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "gcu"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Cache list counts and filter forms per data version. Safe only when every process
# shares the cache (Redis) or there is a single process; see activities/caching.py.
GCU_PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", default=bool(os.environ.get("REDIS_URL")))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work: queued in the database, run by `manage.py db_worker` (a second process
# beside the web server; `make run` starts one).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Uploads kept between a preview and its import, and result files, for a day; served by no
# URL, only by the job's pages to the job's owner.
GCU_PRIVATE_ROOT = Path(os.environ.get("DJANGO_PRIVATE_ROOT", BASE_DIR / "var" / "private"))
# A job whose worker has said nothing for this long is taken as stopped: it can be run again.
GCU_JOB_STALLED_AFTER_SECONDS = env_int("DJANGO_JOB_STALLED_AFTER_SECONDS", 300)
# A list of more rows than this offers its CSV and Excel files made in the background too.
GCU_EXPORT_IN_BACKGROUND_ROWS = env_int("DJANGO_EXPORT_IN_BACKGROUND_ROWS", 20_000)
# A job that ran longer than this is announced by email when it ends.
GCU_JOB_EMAIL_AFTER_SECONDS = env_int("DJANGO_JOB_EMAIL_AFTER_SECONDS", 60)

# `manage.py backup` writes JSON with timestamps kept to the microsecond (ops/serializers.py).
SERIALIZATION_MODULES = {"backup-json": "ops.serializers"}

# django-axes first: it refuses a locked-out sign-in before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Failed sign-ins (site and admin) are counted per username and client address; after
# AXES_FAILURE_LIMIT of them that pair is refused until the cool-off has passed.
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# And per address across usernames, so that one address cannot try a password on many
# accounts (ops/security.py).
AXES_HANDLER = "ops.security.LockoutHandler"
GCU_ADDRESS_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT_PER_ADDRESS", 20)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ops.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "ops.security.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A registry name with no French or Spanish form is shown in English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# A registry row created with its plain name (Partner(name=...)) always has its English name,
# whatever language is active at the time; the other languages are given by name (name_fr).
MODELTRANSLATION_AUTO_POPULATE = "default"
# Dates typed day first in every language, and shown as the organisation writes them.
FORMAT_MODULE_PATH = ["gcu_tracker.formats"]
# The language chosen with the switcher is remembered for a year, not just the session.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Zurich")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
# Served by WhiteNoise from what collectstatic made: names carrying a hash of the content,
# cached by browsers for ever, with gzip and Brotli copies. Always on a server; in debug mode
# when DJANGO_STATIC_COLLECTED says collectstatic ran (`make run` does both). Otherwise debug
# mode serves the source files as they are, with no collectstatic needed.
STATIC_COLLECTED = env_bool("DJANGO_STATIC_COLLECTED", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "core.static_files.HashedCompressedStorage"
        if STATIC_COLLECTED
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if STATIC_COLLECTED:
    # Only the collected files, listed once at start: no look-ups in the source folders.
    WHITENOISE_USE_FINDERS = False
    WHITENOISE_AUTOREFRESH = False

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "activities:list"
LOGOUT_REDIRECT_URL = "activities:dashboard"

# Signing in (accounts/, README.md "Signing in"). People sign in through the agency's
# identity provider; a first sign-in makes an account with no role. The local form is
# for break-glass accounts: "all" local accounts, "superusers" only, or "none".
GCU_LOCAL_SIGN_IN = os.environ.get("DJANGO_LOCAL_SIGN_IN", "all").strip().lower()
if GCU_LOCAL_SIGN_IN not in {"all", "superusers", "none"}:
    raise ImproperlyConfigured(
        f"DJANGO_LOCAL_SIGN_IN must be all, superusers or none, not {GCU_LOCAL_SIGN_IN!r}."
    )
# Who may have an account at all, by the email domain the provider vouches for; empty:
# whoever the provider signs in.
GCU_SSO_ALLOWED_DOMAINS = [d.lower().lstrip("@") for d in env_list("DJANGO_SSO_ALLOWED_DOMAINS")]
# Accounts not signed in for this many days are listed for a manager to deactivate.
GCU_ACCOUNT_UNUSED_DAYS = env_int("DJANGO_ACCOUNT_UNUSED_DAYS", 180)
# Managers and superusers signed in with a password set up a second factor first.
GCU_REQUIRE_SECOND_FACTOR = env_bool("DJANGO_REQUIRE_SECOND_FACTOR", default=True)

ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.SignInForm",
    "reset_password": "accounts.forms.PasswordResetForm",
}
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Failed sign-ins are counted by django-axes, per person and per address (below); two
# counters would lock people out at different moments with different pages.
ACCOUNT_RATE_LIMITS = {"login_failed": None, "login": None}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[GCU Tracker] "
SOCIALACCOUNT_AUTO_SIGNUP = True
# The refresh token tells, later, whether the provider still lets the person in
# (`manage.py check_sso_accounts`).
SOCIALACCOUNT_STORE_TOKENS = True
# A person whose local account predates single sign-on lands in it (roles and history
# kept) when the provider vouches for the same address.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_QUERY_EMAIL = True
SOCIALACCOUNT_REQUESTS_TIMEOUT = env_int("DJANGO_SSO_TIMEOUT_SECONDS", 10)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("DJANGO_TOTP_ISSUER", "GCU Tracker")


def sso_providers():
    """The identity providers configured in the environment, as django-allauth reads them.

    A generic OpenID Connect provider needs its issuer (the address whose
    /.well-known/openid-configuration describes it), a client id and a secret; Microsoft
    Entra ID needs the application's client id, secret and the tenant (its id or domain).
    """
    providers = {}
    if os.environ.get("DJANGO_OIDC_ISSUER"):
        providers["openid_connect"] = {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": os.environ.get("DJANGO_OIDC_PROVIDER_ID", "agency"),
                    "name": os.environ.get("DJANGO_OIDC_NAME", "your organisation"),
                    "client_id": os.environ.get("DJANGO_OIDC_CLIENT_ID", ""),
                    "secret": os.environ.get("DJANGO_OIDC_CLIENT_SECRET", ""),
                    "settings": {
                        "server_url": os.environ["DJANGO_OIDC_ISSUER"].rstrip("/"),
                        "oauth_pkce_enabled": True,
                    },
                }
            ],
        }
    if os.environ.get("DJANGO_MICROSOFT_CLIENT_ID"):
        providers["microsoft"] = {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "client_id": os.environ["DJANGO_MICROSOFT_CLIENT_ID"],
                    "secret": os.environ.get("DJANGO_MICROSOFT_CLIENT_SECRET", ""),
                    "settings": {
                        "tenant": os.environ.get("DJANGO_MICROSOFT_TENANT", "organizations"),
                    },
                }
            ],
        }
    return providers


SOCIALACCOUNT_PROVIDERS = sso_providers()


def sso_origins(providers):
    """Where the sign-in buttons' forms lead: the browser follows their redirect only to
    origins the Content Security Policy's form-action names."""
    origins = [
        "{0.scheme}://{0.netloc}".format(urlsplit(app["settings"]["server_url"]))
        for app in providers.get("openid_connect", {}).get("APPS", [])
    ]
    if "microsoft" in providers:
        origins.append("https://login.microsoftonline.com")
    return origins


CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] = [
    SELF,
    *sso_origins(SOCIALACCOUNT_PROVIDERS),
]
# Microsoft's sign-in pages exist only when it is configured (they fail without an app).
if "microsoft" in SOCIALACCOUNT_PROVIDERS:
    INSTALLED_APPS.insert(
        INSTALLED_APPS.index("allauth.mfa"), "allauth.socialaccount.providers.microsoft"
    )

# The 2011 report names places by city or by country; ISO 3166 codes keep them unambiguous.
COUNTRIES_FIRST = []
# The UN's short names where ISO's differ ("Republic of Moldova", "République de Corée").
COUNTRIES_OVERRIDE = UN_SHORT_NAMES

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # django-axes announces its mode on every start; failed sign-ins are still logged.
    "loggers": {
        "axes.apps": {"level": "WARNING"},
        # WeasyPrint narrates each step of laying out a PDF; its warnings are enough.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The API under /api/: the pages' filters and visibility rule, JSON only, schema by drf-spectacular.
REST_FRAMEWORK = {
    # Token first, so that a request with no credentials is answered 401 with a challenge.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "GCU Tracker API",
    "DESCRIPTION": "Activities, thematic areas, activity types, partners, events and reports.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Writes take ids or slugs where reads give names, so requests get their own components.
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Activities and commitments both have a status, from different lists.
    "ENUM_NAME_OVERRIDES": {
        "ActivityStatusEnum": "activities.choices.ActivityStatus",
        "CommitmentStatusEnum": "commitments.models.CommitmentStatus",
        "LanguageEnum": "activities.languages.Language",
    },
}

# Email: review notifications (activities/notifications.py). Printed on the console unless an
# SMTP server is configured.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("DJANGO_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "GCU Tracker <gcu-tracker@localhost>"
)
# The site's address as people reach it, for links in emails.
GCU_SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# The organisation as IATI knows it: the reporting-org of every published activity, whose
# reference also starts each activity's identifier (iati/export.py). Type 40: multilateral.
IATI_REPORTING_ORG_REF = os.environ.get("IATI_REPORTING_ORG_REF", "XM-DAC-47066")
IATI_REPORTING_ORG_TYPE = os.environ.get("IATI_REPORTING_ORG_TYPE", "40")
IATI_REPORTING_ORG_NAME = os.environ.get(
    "IATI_REPORTING_ORG_NAME", "International Organization for Migration"
)
