"""Backup and restore of a whole site: the database and every media file.

A backup is a folder: ``database.dump`` (PostgreSQL's custom format, from pg_dump) or
``database.sqlite3`` (the SQLite file, for a development site), ``media/`` with every file
of the media storages (originals, renditions, documents), and ``manifest.json`` listing each
file with its size and SHA-256. Restoring goes into an empty database and empty storages
only, checks every file against the manifest, and writes renditions back through their own
(public) storage and the rest through the default (private) one.
"""

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.files import File
from django.core.files.storage import storages
from django.db import connection
from django.utils import timezone

from wagtail.images import get_image_model

MANIFEST = "manifest.json"


class BackupError(Exception):
    """Something stops a backup or a restore; nothing has been written when it is raised."""


def media_storages():
    """(prefix, storage) pairs: renditions in their own storage, everything else in default."""
    renditions = get_image_model().get_rendition_model()._meta.get_field("file")
    prefix = renditions.upload_to if isinstance(renditions.upload_to, str) else "images"
    return [(prefix.rstrip("/") + "/", renditions.storage), ("", storages["default"])]


def storage_for(name):
    for prefix, storage in media_storages():
        if name.startswith(prefix):
            return storage
    raise AssertionError("the default storage takes every name")


def walk(storage, folder=""):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}{name}"
    for directory in directories:
        yield from walk(storage, f"{folder}{directory}/")


def media_names():
    """Every media file once (the storages may share a bucket), each from its own storage."""
    names = set()
    seen_storages = []
    for _prefix, storage in media_storages():
        if any(storage is other for other in seen_storages):
            continue
        seen_storages.append(storage)
        with contextlib.suppress(FileNotFoundError):  # a local media folder not made yet
            names |= set(walk(storage))
    return sorted(names)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def postgres_environment():
    """libpq's variables for the configured database (no password on a command line)."""
    db = connection.settings_dict
    env = dict(os.environ)
    for variable, key in (
        ("PGDATABASE", "NAME"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def run(command, **kwargs):
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} not found: install the PostgreSQL client.") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def backup(destination, log=print):
    destination = Path(destination)
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty.")
    destination.mkdir(parents=True, exist_ok=True)

    vendor = connection.vendor
    if vendor == "postgresql":
        database_file = "database.dump"
        run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(destination / database_file),
            ],
            env=postgres_environment(),
        )
    elif vendor == "sqlite":
        database_file = "database.sqlite3"
        source = sqlite3.connect(connection.settings_dict["NAME"])
        with sqlite3.connect(destination / database_file) as target:
            source.backup(target)
        source.close()
    else:
        raise BackupError(f"Unsupported database: {vendor}.")
    log(f"Database: {database_file}")

    files = []
    for name in media_names():
        storage = storage_for(name)
        target = destination / "media" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, open(target, "wb") as copy:
            shutil.copyfileobj(source, copy)
        files.append({"name": name, "size": target.stat().st_size, "sha256": sha256_of(target)})
    log(f"Media files: {len(files)}")

    manifest = {
        "made": timezone.now().isoformat(),
        "database": {"vendor": vendor, "file": database_file},
        "files": files,
    }
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest


def database_is_empty():
    return not connection.introspection.table_names()


def restore(source, log=print):
    source = Path(source)
    manifest_path = source / MANIFEST
    if not manifest_path.exists():
        raise BackupError(f"{source} is not a backup: {MANIFEST} is missing.")
    manifest = json.loads(manifest_path.read_text())

    # Everything is checked before anything is written.
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"The backup comes from {vendor}; the configured database is {connection.vendor}."
        )
    if not database_is_empty():
        raise BackupError("The database is not empty: restore into a new, empty one.")
    for item in manifest["files"]:
        path = source / "media" / item["name"]
        if not path.exists() or sha256_of(path) != item["sha256"]:
            raise BackupError(f"{item['name']} is missing or changed since the backup.")
        if storage_for(item["name"]).exists(item["name"]):
            raise BackupError(
                f"The storage already holds {item['name']}: restore into an empty one."
            )

    database_file = source / manifest["database"]["file"]
    if vendor == "postgresql":
        run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--dbname",
                connection.settings_dict["NAME"],
                str(database_file),
            ],
            env=postgres_environment(),
        )
    else:
        connection.close()
        shutil.copyfile(database_file, connection.settings_dict["NAME"])
    log("Database restored")

    for item in manifest["files"]:
        with open(source / "media" / item["name"], "rb") as file:
            saved = storage_for(item["name"]).save(item["name"], File(file))
        if saved != item["name"]:
            raise BackupError(f"{item['name']} was saved as {saved}.")
    log(f"Media files restored: {len(manifest['files'])}")
    return manifest
