"""Test settings: fast hashing, in-memory cache, plain static storage, immediate tasks."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-not-a-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# LocMem's default 300 entries are culled by the third as soon as a walk of the demo fills
# them, the page cache's tags among them: every page kept under a culled tag is then made
# again (a walk of the demo's pages never hit the cache). Production's Redis keeps them.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="rencontres-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="rencontres-test-static-")
if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Pages and snippets are not indexed on every save here (most tests never search, and the
# demo saves hundreds of objects); the search tests index what they search explicitly.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
}

# One clock here: a view made just after a change is fresh (production allows for the app
# servers' clocks being a second apart).
PAGE_CACHE_CLOCK_MARGIN = 0.0

# A test may run a second site on an S3 server it started (the backup and restore test):
# media then go there, as in production.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    from cms.storage import s3_storages

    STORAGES = {**STORAGES, **s3_storages(os.environ)}  # noqa: F405
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
