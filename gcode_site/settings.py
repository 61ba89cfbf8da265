"""Settings for Spiritual G-Code, read from the environment (and an optional `.env`).

One module serves development and production. `DEBUG` is off unless set (`make run` sets it
for a local checkout); off, the production hardening is on (secure cookies, HSTS, SSL
redirect) and a real SECRET_KEY is required.
"""

import datetime as dt
import os
import sys
from base64 import b64encode
from hashlib import sha256
from pathlib import Path

import dj_database_url
import django_stubs_ext
import environ
from django.core.exceptions import ImproperlyConfigured

from core.astro.biwheel import STYLE as BIWHEEL_STYLE

# Generic views and forms can be subscripted (`CreateView[User, RegistrationForm]`) for the type checker.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    # Variables already set in the process environment win over the file.
    environ.Env.read_env(BASE_DIR / ".env")

# --- Safe by default ------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)

# Database, WAL, logs, backups and lock files hold people's birth data: readable by this user only.
os.umask(0o077)

if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="development-only-key-never-use-in-production-0123456789")
elif not env.str("SECRET_KEY", default=""):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set and DEBUG is off: the site will not start without a secret key. Set SECRET_KEY "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))") in the environment or .env, '
        "or DEBUG=True for local development."
    )
else:
    SECRET_KEY = env.str("SECRET_KEY")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # the built-in widget templates, for the site's form renderer
    "channels",
    "axes",
    "csp",
    "core.apps.CoreConfig",
]

# Order, for a lean request path: the response-header middleware first (they only add headers on the way
# out, so /healthz gets them too), then /healthz answered before sessions, the user, CSRF and messages are
# touched. PersonTimezoneMiddleware (sync only) stays innermost but for axes: every built-in middleware
# outside it then runs synchronously in the one worker thread (an async-capable one placed inside it would
# hop from the event loop to that thread and back for each of its hooks).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.headers.PolicyHeadersMiddleware",
    "core.headers.PrivacyHeadersMiddleware",
    "core.middleware.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.PersonTimezoneMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gcode_site.urls"
WSGI_APPLICATION = "gcode_site.wsgi.application"
ASGI_APPLICATION = "gcode_site.asgi.application"

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

FORM_RENDERER = "core.form_renderer.SiteFormRenderer"

# Connections are kept between requests (each request thread keeps its own: core/request_threads.py) for
# DATABASE_CONN_MAX_AGE seconds, and one that broke meanwhile (a PostgreSQL restart) is replaced at its next use.
DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("DATABASE_CONN_MAX_AGE", default=600),
        conn_health_checks=True,
    )
}
# Threads that run requests' Django code, each lent to one request at a time; a request that finds them all
# busy waits for one. Each keeps a database connection (on PostgreSQL: this many per server process at most).
# Four: the interpreter runs one thread's Python at a time, so more threads do not serve pages that compute
# any faster, and each one more running costs thread switches (README: How a request is served).
REQUEST_THREADS = env.int("REQUEST_THREADS", default=4)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the scheduler write while pages read; a busy timeout instead of "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a file too: an in-memory database's shared cache locks whole tables, which a
    # background thread (a recalculation, a job) meets as "database table is locked".
    DATABASES["default"]["TEST"] = {"NAME": str(Path(DATABASES["default"]["NAME"]).with_name("test-db.sqlite3"))}

AUTH_USER_MODEL = "core.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's database sessions, the row read without the ORM's query building (core/sessions.py).
SESSION_ENGINE = "core.sessions"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        # Public files: readable by a web server in front (nginx) despite the private umask above.
        "OPTIONS": {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's cache, in each process's memory: rate counts, kept pages and readings, forecasts. Room for a few
# thousand entries (Django's default is 300), so a busy day's kept pages do not push out the rate counts.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": env.int("CACHE_MAX_ENTRIES", default=5000)},
    }
}

# --- Channels -------------------------------------------------------------------------
CHANNEL_LAYER = env.str("CHANNEL_LAYER", default="memory")
if CHANNEL_LAYER == "redis":
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # No read timeout: each socket waits on Redis with a 5 s blocking pop, and redis-py 8's default
            # 5 s read timeout ended idle sockets with close code 1011 (channels-redis 4.3 sets none itself).
            "CONFIG": {
                "hosts": [{"address": env.str("REDIS_URL", default="redis://127.0.0.1:6379/0"), "socket_timeout": None}]
            },
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "core.memory_layer.OneProcessChannelLayer"}}
# Limits on each person's sockets: how many at once (tabs, devices), and a message budget per
# socket (a token bucket: this many a second on average, bursts up to the second number).
SOCKETS_PER_PERSON = env.int("SOCKETS_PER_PERSON", default=8)
SOCKET_MESSAGES_PER_SECOND = env.float("SOCKET_MESSAGES_PER_SECOND", default=2.0)
SOCKET_MESSAGE_BURST = env.float("SOCKET_MESSAGE_BURST", default=10.0)

# --- Astronomy ------------------------------------------------------------------------
# Folder with Swiss Ephemeris files (sepl_*.se1, semo_*.se1, seas_*.se1). By default the
# files the Makefile installs into this environment (<venv>/share/swisseph); set it empty for
# the built-in Moshier ephemeris, which has no Chiron.
INSTALLED_EPHEMERIS = Path(sys.prefix) / "share" / "swisseph"
SE_EPHE_PATH = env.str(
    "SE_EPHE_PATH", default=str(INSTALLED_EPHEMERIS) if (INSTALLED_EPHEMERIS / "sepl_18.se1").is_file() else ""
)

# --- Scheduler ----------------------------------------------------------------------
# Runs inside the serving process (daphne, or runserver's child) unless turned off here;
# `manage.py runscheduler` runs it alone. A lock lets only one process per installation run it.
SCHEDULER_AUTOSTART = env.bool("SCHEDULER_AUTOSTART", default=True)
SCHEDULER_SWEEP_MINUTES = env.int("SCHEDULER_SWEEP_MINUTES", default=5)
SCHEDULER_GRACE_HOURS = env.float("SCHEDULER_GRACE_HOURS", default=6.0)  # later than this, a slot is recorded missed
RETENTION_DAILY_DAYS = env.int("RETENTION_DAILY_DAYS", default=730)
RETENTION_PATCH_NOTES_DAYS = env.int("RETENTION_PATCH_NOTES_DAYS", default=365)
RETENTION_RUNS_DAYS = env.int("RETENTION_RUNS_DAYS", default=90)

# --- Text generation ------------------------------------------------------------------
# With a key, Gemini writes the daily texts; without one (or when it fails) the local engine does.
GEMINI_API_KEY = env.str("GEMINI_API_KEY", default="")
GEMINI_MODEL = env.str("GEMINI_MODEL", default="gemini-2.5-flash")
GEMINI_TIMEOUT = env.float("GEMINI_TIMEOUT", default=20.0)  # seconds
GEMINI_BASE_URL = env.str("GEMINI_BASE_URL", default="") or None  # another endpoint (a proxy); None: Google's

# --- Security (production hardening when DEBUG is off) ---------------------------------
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env.bool("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# --- Browser policies: CSP, Permissions-Policy, no caching of personal pages --------------
# Scripts and styles come from our own static files only; the one inline <style> is the bi-wheel's,
# embedded in the relationship page, allowed by its hash (the downloaded wheel files carry their own).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", f"'sha256-{b64encode(sha256(BIWHEEL_STYLE.encode()).digest()).decode()}'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)

# --- Login throttling (django-axes) and registration limits ------------------------------
# Django's ModelBackend, the signed-in person read with one prepared query (core/auth.py).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "core.auth.PersonBackend"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))  # the lock ends by itself
# Either a username or an address that fails too often is locked, each on its own.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_CALLABLE = "core.throttle.attempted_username"
AXES_RESET_ON_SUCCESS = True
# The operator's log says who failed from where (for fail2ban or a look after an attack).
AXES_SENSITIVE_PARAMETERS: list[str] = []
# The client's address: X-Forwarded-For only when a proxy of ours sets it (else anyone could forge it).
if env.bool("BEHIND_PROXY", default=False):
    AXES_IPWARE_PROXY_COUNT = 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
# A household server can close sign-up once everyone has an account.
REGISTRATION_OPEN = env.bool("REGISTRATION_OPEN", default=True)
REGISTRATIONS_PER_IP_PER_HOUR = env.int("REGISTRATIONS_PER_IP_PER_HOUR", default=5)
# The recalculate button starts at most one run per person in this many seconds (three a minute).
RECALCULATE_INTERVAL_SECONDS = env.int("RECALCULATE_INTERVAL_SECONDS", default=20)

# --- Logging --------------------------------------------------------------------------
LOG_DIR = Path(env.str("LOG_DIR", default=str(BASE_DIR / "logs")))
LOG_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
# On SQLite the scheduler's lock is this file (on PostgreSQL an advisory lock).
SCHEDULER_LOCK_FILE = Path(env.str("SCHEDULER_LOCK_FILE", default=str(LOG_DIR / "scheduler.lock")))
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
# Where `manage.py backup` writes its dated copies of the database (private, like the database).
BACKUP_DIR = Path(env.str("BACKUP_DIR", default=str(BASE_DIR / "backups")))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [pid %(process)d] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "site_file": {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": LOG_DIR / "django.log",
            "maxBytes": 5 * 1024 * 1024,
            "backupCount": 5,
            "formatter": "plain",
            "delay": True,
        },
        "scheduler_file": {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": LOG_DIR / "scheduler.log",
            "maxBytes": 5 * 1024 * 1024,
            "backupCount": 5,
            "formatter": "plain",
            "delay": True,
        },
    },
    "root": {"handlers": ["console", "site_file"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console", "site_file"], "level": LOG_LEVEL, "propagate": False},
        "core.scheduler": {
            "handlers": ["console", "scheduler_file"],
            "level": LOG_LEVEL,
            "propagate": False,
        },
        "apscheduler": {
            "handlers": ["console", "scheduler_file"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}

# --- Email, calendar, feed and API ----------------------------------------------------
# One variable says where mail goes: EMAIL_URL=smtp+tls://user:password@mail.example.org:587,
# smtp+ssl://…:465, consolemail:// (to the console). Unset, every message is written as a file
# under logs/mail/ so a self-hoster can read what the site would have sent.
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = LOG_DIR / "mail"
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)  # seconds; a hung SMTP server must not hold a job
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Spiritual G-Code <gcode@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in mail sent by the scheduler (no request to take the address from): the site's public address.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 3600)  # seconds a reset link works
EMAIL_CHANGE_MAX_AGE = env.int("EMAIL_CHANGE_MAX_AGE", default=24 * 3600)  # seconds a confirmation link works
# Personal access tokens: requests per minute per token before the API answers 429.
API_TOKEN_RATE = env.str("API_TOKEN_RATE", default="120/m")
