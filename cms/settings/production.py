"""Production settings: every secret and service comes from the environment, and nothing
falls back silently to a development default.

Required: DJANGO_SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (PostgreSQL), REDIS_URL,
AWS_STORAGE_BUCKET_NAME, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY. Optional: AWS_S3_ENDPOINT_URL
(an S3-compatible service other than AWS), AWS_S3_REGION_NAME, AWS_S3_CUSTOM_DOMAIN (a CDN in
front of the public renditions), WAGTAILADMIN_BASE_URL, LOG_LEVEL, PRETIX_API_TOKEN,
DEEPL_API_KEY. See docs/deploy.md."""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.storage import s3_storages

from .base import *  # noqa: F403
from .base import MIDDLEWARE, redis_caches

REQUIRED = [
    "DJANGO_SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
]
missing = [name for name in REQUIRED if not os.environ.get(name)]
if missing:
    raise ImproperlyConfigured(
        "cms.settings.production needs these environment variables: " + ", ".join(missing)
    )
if not os.environ["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL in production.")

DEBUG = False

# --- database: persistent connections, checked before reuse (base.py reads DATABASE_URL)

# --- media on S3-compatible storage (cms/storage.py) --------------------------------------
STORAGES = {
    **s3_storages(os.environ),
    # Compressed (gzip and Brotli) and fingerprinted, served by WhiteNoise with far-future
    # cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
# Pages show renditions from the bucket (or its CDN domain): allowed by the CSP.
_media_host = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or os.environ.get("AWS_S3_ENDPOINT_URL")
if _media_host:
    _media_host = _media_host if "://" in _media_host else f"https://{_media_host}"
    CONTENT_SECURITY_POLICY["img-src"].append(_media_host)  # noqa: F405
    CONTENT_SECURITY_POLICY["media-src"].append(_media_host)  # noqa: F405
else:
    _media_host = f"https://{os.environ['AWS_STORAGE_BUCKET_NAME']}.s3.amazonaws.com"
    CONTENT_SECURITY_POLICY["img-src"].append(_media_host)  # noqa: F405
ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY["img-src"].append(_media_host)  # noqa: F405

# --- shared cache: Redis --------------------------------------------------------------------
CACHES = redis_caches(os.environ["REDIS_URL"])
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- static files -----------------------------------------------------------------------------
MIDDLEWARE = [
    MIDDLEWARE[0],  # SecurityMiddleware first
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]

# --- HTTPS and cookies (behind the CDN / load balancer that terminates TLS) --------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 365 * 24 * 3600
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]  # noqa: F405
# Nothing may frame the site, except Wagtail's own preview, whose views answer SAMEORIGIN.
X_FRAME_OPTIONS = "DENY"

# The client's address as the load balancer passes it (cms.client_ip): one proxy in front
# unless TRUSTED_PROXY_COUNT says otherwise (2 with a CDN before the load balancer).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

# --- logs: JSON lines on stdout ---------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "cms.logging.JSONFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "WARNING"}},
}

# --- CDN purge (wagtail.contrib.frontend_cache), when a CDN keeps pages ---------------------
_cdn = os.environ.get("CDN_PURGE", "")
if _cdn == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        }
    }
elif _cdn == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    }
elif _cdn == "http":  # Varnish, nginx with a purge module…
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["CDN_PURGE_URL"],
        }
    }
elif _cdn:
    raise ImproperlyConfigured("CDN_PURGE must be cloudflare, cloudfront or http.")
