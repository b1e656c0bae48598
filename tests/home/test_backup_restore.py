"""docs/deploy.md's backup and restore, performed: the site with its media on S3 is saved
with `backup_site`, restored with `restore_site` into a new empty PostgreSQL database and an
empty bucket on another S3 server, and the restored site serves the same pages and images."""

import io
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from tests.s3_server import S3Server

ROOT = Path(__file__).resolve().parents[2]

on_postgresql = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="production's procedure uses pg_dump; runs in .ci/run's PostgreSQL pass",
)


def image_addresses(html, endpoint):
    soup = BeautifulSoup(html, "html.parser")
    found = {img["src"] for img in soup.select("img[src]")}
    for source in soup.select("[srcset]"):
        found |= {candidate.split()[0] for candidate in source["srcset"].split(", ")}
    return sorted(address for address in found if address.startswith(endpoint))


def run_site(env, *args):
    """A command of the restored site, in a process of its own configured by `env`."""
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def fetch(address):
    with urllib.request.urlopen(address) as response:
        return response.read()


@pytest.fixture
def empty_database():
    """A new, empty PostgreSQL database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    db = connection.settings_dict
    yield f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@on_postgresql
# Committed data (pg_dump reads it); the migrations' data (root page, site, groups) is put
# back first, whatever transactional test flushed the database before this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_serves_the_same_pages(s3, demo_translated, tmp_path, empty_database):
    from django.test import Client

    urls = sorted({page.url for page in Page.objects.live().specific() if page.url})
    assert len(urls) > 40
    visitor = Client()
    original = {url: visitor.get(url) for url in urls}
    assert all(response.status_code == 200 for response in original.values())
    original_images = {
        address: fetch(address)
        for response in original.values()
        for address in image_addresses(response.content.decode(), s3.endpoint)
    }
    assert len(original_images) >= 10

    backup = tmp_path / "backup"
    call_command("backup_site", str(backup), stdout=io.StringIO())
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"] == {"vendor": "postgresql", "file": "database.dump"}
    assert {item["name"] for item in manifest["files"]} == set(s3.keys())

    with S3Server() as empty_bucket:
        assert empty_bucket.keys() == []
        env = {
            **os.environ,
            **empty_bucket.environ,
            "DATABASE_URL": empty_database,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        }
        restored = run_site(env, "manage.py", "restore_site", str(backup))
        assert restored.returncode == 0, restored.stderr
        assert "Restore complete." in restored.stdout
        assert empty_bucket.keys() == s3.keys()
        for key in s3.keys():  # noqa: SIM118 (the S3 server's keys, not a dict)
            # Renditions are public again, originals private again.
            assert empty_bucket.is_public(key) == s3.is_public(key), key

        rendered = run_site(env, "-m", "tests.render_site", *urls)
        assert rendered.returncode == 0, rendered.stderr
        pages = json.loads(rendered.stdout)
        for url in urls:
            status, html = pages[url]
            assert status == 200, url
            assert (
                html.replace(empty_bucket.endpoint, s3.endpoint) == original[url].content.decode()
            ), url
            for address in image_addresses(html, empty_bucket.endpoint):
                old = address.replace(empty_bucket.endpoint, s3.endpoint)
                assert fetch(address) == original_images[old], address


def test_restore_refuses_a_database_that_is_not_empty(db, tmp_path, settings):
    backup = tmp_path / "backup"
    (backup / "media").mkdir(parents=True)
    (backup / "database.dump").write_bytes(b"")
    (backup / "manifest.json").write_text(
        json.dumps(
            {
                "made": "2026-01-01T00:00:00+00:00",
                "database": {"vendor": connection.vendor, "file": "database.dump"},
                "files": [],
            }
        )
    )
    with pytest.raises(
        CommandError, match="The database is not empty: restore into a new, empty one."
    ):
        call_command("restore_site", str(backup))


def test_backup_refuses_a_folder_that_is_not_empty(db, tmp_path):
    (tmp_path / "old.txt").write_text("kept")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup_site", str(tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == ["old.txt"]
