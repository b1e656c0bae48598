"""Settings shared by every environment. Secrets and hosts come from the environment."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Runtime data (SQLite database, uploaded media, collected static files); never in git.
VAR_DIR = Path(os.environ.get("RENCONTRES_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
# Old keys still accepted while a new one is rolled out (docs/deploy.md).
SECRET_KEY_FALLBACKS = [
    k for k in os.environ.get("DJANGO_SECRET_KEY_FALLBACKS", "").split(",") if k
]
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "home",
    "editions",
    "sessions.apps.ProgrammeConfig",
    "partners",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "home.apps.ImagesConfig",  # wagtail.images, with the image rule (home/images.py)
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.RejectNulMiddleware",
    "cms.middleware.MissingFieldMiddleware",
    "home.caching.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.middleware.AdminDefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.middleware.TranslationLocaleGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# Password guessing: after 5 failures from one address, whatever user names it tried, that
# address is locked out for an hour; attempts are kept in the database, shared by every app
# server. A user name is never locked on its own, so a stranger cannot lock an editor out
# (docs/security.md). The address is the client's as the trusted proxies pass it
# (cms.client_ip, TRUSTED_PROXY_COUNT); the lockout page is in the visitor's language.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_COOLOFF_TIME = 1  # hour
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_LOCKOUT_CALLABLE = "cms.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_ip"
# How many proxies (load balancer, CDN) append to X-Forwarded-For in front of the app servers.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_VERBOSE = False

# The public site's Content-Security-Policy (cms.middleware): no inline script anywhere.
# Media on another host (S3, a CDN) and embedded video players are added in production.
MEDIA_HOSTS = [h for h in os.environ.get("MEDIA_HOSTS", "").split(",") if h]
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *MEDIA_HOSTS],
    "media-src": ["'self'", *MEDIA_HOSTS],
    "font-src": ["'self'"],
    "frame-src": [
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://www.dailymotion.com",
    ],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # As X-Frame-Options: DENY says. A page rendered as Wagtail's preview (the admin's panel)
    # gets 'self' instead (cms.middleware); the admin's own policy is below.
    "frame-ancestors": ["'none'"],
}
# The admin's policy. Enforced: what Wagtail works under (no plugins, no <base>, forms posted
# to the site itself, framed by the site only: Wagtail's preview). Script, style and image
# sources are only reported (in the browser's console): Wagtail's admin still writes inline
# scripts and styles (wagtail/wagtail#1288), which a strict policy would block.
ADMIN_CONTENT_SECURITY_POLICY = {
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_HOSTS],
    "object-src": ["'none'"],
}
# No editor's e-mail address is sent to Gravatar for an avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.chrome.context_processor",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the source language; the others are translations.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Per-language date and time formats (« vendredi 4 juillet 2025, 9 h 30 »).
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True
# Admin input without an explicit offset is read in Paris time, the usual edition time zone;
# each edition stores its own time zone and the public site shows times in it.
TIME_ZONE = "Europe/Paris"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The typeface, installed from the npm registry by `make install` (package.json).
    ("fonts/source-sans-3", BASE_DIR / "node_modules" / "@fontsource" / "source-sans-3" / "files"),
]
# Collected apart from the source static/ folder.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Rencontres de l'AICT"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A rendition decodes the whole image in memory (4 bytes a pixel): 40 megapixels (8000 × 5000)
# leaves room for any poster or camera photo the site shows and keeps a rendition under a
# second and ~160 MB; a file that decodes to more is refused on upload, with its numbers.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.ImageForm"
# SVG (partner logos) is cleaned of script on upload (home/uploads.py), shown through <img>
# only, and served with a policy that forbids script (cms.middleware).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "svg", "webp"]
# Admin date pickers, in the French order editors type (strftime formats).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# Starting a translation makes a draft in the target language, never a live copy of the French
# text; its translator publishes it once translated (docs/security.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation: DeepL when a key is in the environment (a key ending in ":fx" uses
# DeepL's free API); dev.py falls back to wagtail-localize's offline dummy translator.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }

# Registration providers (editions/registration.py). pretix's API token comes from the
# environment only, never from the database or a template. The provider is given at most
# REGISTRATION_PROVIDER_TIMEOUT seconds (capped at 2); its answer is trusted for
# REGISTRATION_AVAILABILITY_TTL seconds, a failure is retried after REGISTRATION_RETRY_AFTER
# seconds, and the last known answer is kept for REGISTRATION_LAST_KNOWN_TTL seconds.
PRETIX_API_TOKEN = os.environ.get("PRETIX_API_TOKEN", "")
REGISTRATION_PROVIDER_TIMEOUT = float(os.environ.get("REGISTRATION_PROVIDER_TIMEOUT", "2"))
REGISTRATION_AVAILABILITY_TTL = 60

# Whole-page cache for anonymous visitors (home.caching.page_cache): how long a view may be kept at
# most (0 turns it off), and how far apart the app servers' clocks may be.


def redis_caches(url):
    """The caches on the Redis server at `url`: production's, and the demo's when REDIS_URL
    is set (cms/cache.py: a Redis outage costs a short-lived local cache, not errors)."""
    redis = {
        "BACKEND": "cms.cache.ResilientRedisCache",
        "LOCATION": url,
        # A Redis that is down or hanging costs a request at most a fraction of a second.
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
    return {
        "default": {**redis, "KEY_PREFIX": "rencontres", "TIMEOUT": 300},
        # Wagtail keeps rendition lookups here (one query less per image).
        "renditions": {**redis, "KEY_PREFIX": "rencontres-renditions", "TIMEOUT": 24 * 3600},
    }


PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_CLOCK_MARGIN = 1.0
# Addresses that are never pages: the page cache does not look at them (the liveness check
# answers without the database or the cache).
PAGE_CACHE_EXEMPT_PATHS = ("/alive",)
REGISTRATION_RETRY_AFTER = 30
REGISTRATION_LAST_KNOWN_TTL = 7 * 24 * 3600

# The label editors see on the admin's login page.
WAGTAILADMIN_LOGIN_TITLE = _("Rencontres de l'AICT — administration")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Every immediate background task and page action would otherwise log a line.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
