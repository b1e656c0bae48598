"""cms.settings.production: every service from the environment, a clear refusal naming what
is missing, and `check --deploy` with nothing to report."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FULL = {
    "DJANGO_SECRET_KEY": "k" * 20 + "-production-test-key-with-enough-entropy-Zx9!Qw",
    "ALLOWED_HOSTS": "rencontres.example.org",
    "DATABASE_URL": "postgres://rencontres:secret@127.0.0.1:5432/rencontres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "rencontres-media",
    "AWS_ACCESS_KEY_ID": "test-access-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret-key",
}


def manage(*args, **env):
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_its_variables_production_refuses_to_start_and_names_them():
    result = manage("check")
    assert result.returncode != 0
    assert (
        "cms.settings.production needs these environment variables: DJANGO_SECRET_KEY, "
        "ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, AWS_STORAGE_BUCKET_NAME, AWS_ACCESS_KEY_ID, "
        "AWS_SECRET_ACCESS_KEY" in result.stderr
    )
    partial = {k: v for k, v in FULL.items() if k not in ("REDIS_URL", "AWS_SECRET_ACCESS_KEY")}
    result = manage("check", **partial)
    assert "environment variables: REDIS_URL, AWS_SECRET_ACCESS_KEY" in result.stderr


def test_production_wants_postgresql():
    result = manage("check", **{**FULL, "DATABASE_URL": "sqlite:////tmp/x.sqlite3"})
    assert result.returncode != 0
    assert "DATABASE_URL must point to PostgreSQL in production." in result.stderr


def test_check_deploy_reports_nothing():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **FULL)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_production_stack():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'db': s.DATABASES['default']['ENGINE'], 'age': s.DATABASES['default']['CONN_MAX_AGE'],"
        "'health': s.DATABASES['default']['CONN_HEALTH_CHECKS'],"
        "'cache': s.CACHES['default']['BACKEND'], 'media': s.STORAGES['default'],"
        "'renditions': s.STORAGES['renditions'], 'static': s.STORAGES['staticfiles']['BACKEND'],"
        "'rendition_storage': s.WAGTAILIMAGES_RENDITION_STORAGE,"
        "'whitenoise': s.MIDDLEWARE.index('whitenoise.middleware.WhiteNoiseMiddleware'),"
        "'formatter': s.LOGGING['formatters']['json']['()']}))"
    )
    result = manage("shell", "-c", code, **FULL)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["db"] == "django.db.backends.postgresql"
    assert found["age"] == 600 and found["health"] is True
    assert found["cache"] == "cms.cache.ResilientRedisCache"
    assert found["media"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert found["media"]["OPTIONS"]["default_acl"] == "private"
    assert found["media"]["OPTIONS"]["querystring_auth"] is True
    assert found["renditions"]["OPTIONS"]["default_acl"] == "public-read"
    assert found["renditions"]["OPTIONS"]["querystring_auth"] is False  # no signatures in HTML
    assert found["rendition_storage"] == "renditions"
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["whitenoise"] == 1  # right after SecurityMiddleware
    assert found["formatter"] == "cms.logging.JSONFormatter"


def test_logs_are_json_lines():
    from cms.logging import JSONFormatter

    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Boom %s", ("!",), None
    )
    entry = json.loads(JSONFormatter().format(record))
    assert entry["level"] == "ERROR" and entry["logger"] == "django.request"
    assert entry["message"] == "Boom !"


@pytest.mark.parametrize("name", ["gunicorn.conf.py"])
def test_gunicorn_configuration_is_valid(name):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c", name, "cms.wsgi"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            **FULL,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_static_files_are_collected_fingerprinted_and_compressed(tmp_path):
    result = manage("collectstatic", "--noinput", **FULL, STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    css = {p.name for p in (tmp_path / "css").iterdir()}
    fingerprinted = [name for name in css if name.startswith("site.") and name.endswith(".css")]
    fingerprinted = [name for name in fingerprinted if name != "site.css"]
    assert len(fingerprinted) == 1
    assert {fingerprinted[0] + ".gz", fingerprinted[0] + ".br"} <= css
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    assert manifest["paths"]["css/site.css"] == f"css/{fingerprinted[0]}"
