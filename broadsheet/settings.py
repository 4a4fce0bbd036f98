"""Django settings, built from the operator's environment through `conf.load()`."""

from pathlib import Path

from broadsheet import conf, datadir

CONFIG = conf.load()

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = CONFIG.data_dir

SECRET_KEY = datadir.secret_key(CONFIG)
DEBUG = CONFIG.debug

SITE_URL = CONFIG.site_url
ALLOWED_HOSTS = [CONFIG.site_host, "localhost", "127.0.0.1", "[::1]"]
CSRF_TRUSTED_ORIGINS = [CONFIG.site_url, *CONFIG.trusted_origins]
TRUSTED_PROXIES = CONFIG.trusted_proxies

INSTALLED_APPS = [
    "broadsheet.core",
    "broadsheet.pagecache",
    "broadsheet.images",
    "broadsheet.publishing",
    "broadsheet.discussion",
    "broadsheet.moderation",
    "broadsheet.syndication",
    "broadsheet.staff",
    "broadsheet.importers",
    "broadsheet.backups",
    "broadsheet.testing",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "django.contrib.redirects",
]
# django.contrib.redirects keeps old article addresses working; it needs a site.
SITE_ID = 1

MIDDLEWARE = [
    "broadsheet.core.middleware.SecurityHeadersMiddleware",
    # Compresses pages; Django masks its CSRF token per response, which defeats
    # BREACH on the admin's forms, and public pages carry no secret.
    "broadsheet.pagecache.middleware.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: only a 404 (an address that moved) consults the redirects.
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
]

ROOT_URLCONF = "broadsheet.urls"
WSGI_APPLICATION = "broadsheet.wsgi.application"

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
                "broadsheet.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": conf.database_settings(CONFIG)}
CACHES = {"default": conf.cache_settings(CONFIG)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = CONFIG.language
TIME_ZONE = CONFIG.time_zone
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "admin:index"
# A reset link works for one hour (and once: it changes with the password).
PASSWORD_RESET_TIMEOUT = 3600
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
MEDIA_URL = "/media/"

# Security: the headers SecurityMiddleware sends, plus CSP from our own middleware.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 31536000 if CONFIG.is_https else 0
SESSION_COOKIE_SECURE = CONFIG.is_https
CSRF_COOKIE_SECURE = CONFIG.is_https
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "filters": {
        # An outage is one line per request, not a traceback.
        "outages": {"()": "broadsheet.core.outages.OutageLogFilter"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "line",
            "filters": ["outages"],
        },
    },
    "root": {"handlers": ["stderr"], "level": CONFIG.log_level},
    "loggers": {
        "django": {"level": CONFIG.log_level, "propagate": True},
    },
}

# The full-page cache (broadsheet.pagecache): answered in front of Django by the
# WSGI layer in broadsheet/wsgi.py, shared by every worker through the store.
PAGE_CACHE = {
    "ENABLED": CONFIG.page_cache,
    "LIFETIME": CONFIG.page_cache_lifetime,
    "STALE_WHILE_REVALIDATE": 30,
    "STORE": CONFIG.cache_url or str(DATA_DIR / "cache.sqlite3"),
    "STORE_BYTES": CONFIG.page_cache_mb * 1024 * 1024,
    "MEMORY_BYTES": CONFIG.page_cache_memory_mb * 1024 * 1024,
    "BYPASS_COOKIES": ("sessionid", "bs_commenter"),
    "SKIP_PREFIXES": (
        "/static/",
        "/admin/",
        "/healthz",
        "/livez",
        "/comments/",
        "/support/",
        "/moderation/",
        "/media/",
    ),
    "FRONTS": CONFIG.purge_fronts,
}

# The request edge in front of Django (broadsheet/core/edge.py, broadsheet/asgi.py).
EDGE = {
    "THREADS": CONFIG.threads,
    "HEADER_TIMEOUT": CONFIG.header_timeout,
    "BODY_TIMEOUT": CONFIG.body_timeout,
    "MAX_BODY_BYTES": CONFIG.max_body_mb * 1024 * 1024,
    "PER_ADDRESS": CONFIG.connections_per_address,
}

# Background work: django-tasks with its database backend. A task enqueued in a
# transaction is a row of that transaction: the outbox of our mail.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
    }
}

# Mail through any SMTP server; without one, mail is only logged.
if CONFIG.smtp_url:
    from urllib.parse import unquote, urlsplit

    _smtp = urlsplit(CONFIG.smtp_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _smtp.hostname
    EMAIL_PORT = _smtp.port or (465 if _smtp.scheme == "smtps" else 25)
    EMAIL_HOST_USER = unquote(_smtp.username or "")
    EMAIL_HOST_PASSWORD = unquote(_smtp.password or "")
    EMAIL_USE_SSL = _smtp.scheme == "smtps"
    EMAIL_USE_TLS = _smtp.scheme == "smtp+starttls"
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = CONFIG.mail_from or f"noreply@{CONFIG.site_host}"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
