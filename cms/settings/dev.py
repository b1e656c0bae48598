"""Development and demo settings: the only place with demo defaults."""

import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, redis_caches

DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"] + ALLOWED_HOSTS  # noqa: F405

VAR_DIR.mkdir(parents=True, exist_ok=True)


def _local_secret_key():
    """A per-checkout random key kept in var/ (never in git) unless the environment sets one."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or _local_secret_key()

if "WAGTAILLOCALIZE_MACHINE_TRANSLATOR" not in globals():
    # Lets translators try « Traduire automatiquement » offline (it reverses the words).
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }

# One cache for every process of the demo: the server, `publish_scheduled` (which `make demo`
# runs every minute beside it), `import_programme` and the shell. A change any of them makes
# drops the pages it shows (home/caching/page_cache.py marks tags in the cache; a per-process cache
# would keep serving the old page). Redis when REDIS_URL is set, as in production; else files
# in var/cache/ (cms/cache.py), which need no server.
if os.environ.get("REDIS_URL"):
    CACHES = redis_caches(os.environ["REDIS_URL"])
else:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.SharedFileCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "KEY_PREFIX": "rencontres",
            "TIMEOUT": 300,
            # Culling drops files at random, the page cache's tags too: far more room than a
            # demo fills, so nothing is culled.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
