"""Development and demo settings: the only place with demo defaults."""

import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR

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

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
