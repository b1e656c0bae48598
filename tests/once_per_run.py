"""What a test run builds once and every test process of it reuses: the migrated database
and the demo snapshots.

Replaying Wagtail's and our migrations takes about 15 seconds and loading the demo about 10;
each pytest-xdist worker, and the browser run after them, used to do both for itself. Now
the first process to need one builds it, under a file lock, in the run's folder; the others
wait for it and take the result:

- SQLite (in memory): the migrated database is written to a file, and copied into each
  other process's in-memory database when it first connects, so that their `migrate` finds
  every migration applied and only runs the post-migrate steps.
- PostgreSQL: the migrated database is kept as a template; each other process's database is
  created from it (`CREATE DATABASE … TEMPLATE`, Django's own clone), then migrated (nothing
  left to apply). The last worker of a pytest run drops the template.
- The demo snapshots (tests/snapshot.py) are pickled with the demo's pictures.

The run's folder is `TEST_RUN_DIR` when set (`make test` sets one for both its pytest runs,
so the browser run reuses the migrated database too), else the folder pytest-xdist's workers
share for one pytest run.
"""

import hashlib
import json
import os
import pickle
import shutil
import sqlite3
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.backends.signals import connection_created
from django.test.utils import setup_databases, teardown_databases

from filelock import FileLock


def run_dir(tmp_path_factory):
    """The folder shared by every process of this run."""
    named = os.environ.get("TEST_RUN_DIR")
    if named:
        path = Path(named)
    elif os.environ.get("PYTEST_XDIST_WORKER"):
        path = tmp_path_factory.getbasetemp().parent
    else:
        path = tmp_path_factory.getbasetemp()
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_label():
    """A name for the database server the tests run on (not the database's name, which
    each process changes to its test database's): a run may hold SQLite's and PostgreSQL's
    side by side."""
    database = settings.DATABASES["default"]
    described = "|".join(str(database.get(key) or "") for key in ("ENGINE", "HOST", "PORT"))
    return hashlib.sha256(described.encode()).hexdigest()[:12]


class MigratedDatabase:
    """The test database, migrated once per run (see the module's docstring)."""

    def __init__(self, folder):
        self.folder = folder
        label = database_label()
        self.lock = FileLock(folder / f"database-{label}.lock")
        self.record = folder / f"database-{label}.json"
        self.sqlite_file = folder / f"database-{label}.sqlite3"
        self.workers = folder / f"database-{label}.workers"
        self.config = None
        self.template = None

    def set_up(self, serialized_aliases):
        with self.lock:
            if self.record.exists():
                self.take(json.loads(self.record.read_text()), serialized_aliases)
            else:
                self.build(serialized_aliases)

    def build(self, serialized_aliases):
        self.config = setup_databases(
            verbosity=0, interactive=False, serialized_aliases=serialized_aliases
        )
        name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            written = self.sqlite_file.with_suffix(".partial")
            with sqlite3.connect(written) as target:
                connection.connection.backup(target)
            target.close()
            written.replace(self.sqlite_file)
            record = {"vendor": "sqlite", "name": name}
        else:
            connection.creation.clone_test_db(suffix="migrated", verbosity=0)
            record = {
                "vendor": connection.vendor,
                "template": connection.creation.get_test_db_clone_settings("migrated")["NAME"],
            }
            self.template = record["template"]
        self.record.write_text(json.dumps(record))

    def take(self, record, serialized_aliases):
        if record["vendor"] == "sqlite":
            self.fill_on_connect(record["name"])
            self.config = setup_databases(
                verbosity=0, interactive=False, serialized_aliases=serialized_aliases
            )
            return
        # This process's own database, created from the template under a name of its own.
        test_settings = connection.settings_dict.setdefault("TEST", {})
        own_suffix = os.environ.get("PYTEST_XDIST_WORKER") or "main"
        original_name = connection.settings_dict["NAME"]
        connection.settings_dict["NAME"] = record["template"]
        connection.creation.clone_test_db(suffix=own_suffix, verbosity=0)
        clone = connection.creation.get_test_db_clone_settings(own_suffix)["NAME"]
        connection.settings_dict["NAME"] = original_name
        test_settings["NAME"] = clone
        self.template = record["template"]
        self.config = setup_databases(
            verbosity=0, interactive=False, keepdb=True, serialized_aliases=serialized_aliases
        )

    def fill_on_connect(self, name):
        """Copy the migrated database into this process's in-memory one when it is opened
        (inside Django's test database creation, before its `migrate`)."""
        path = self.sqlite_file

        def fill(sender, connection, **kwargs):
            if connection.settings_dict["NAME"] != name:
                return
            connection_created.disconnect(fill)
            with sqlite3.connect(path) as source:
                source.backup(connection.connection)
            source.close()

        connection_created.connect(fill, weak=False)

    def tear_down(self):
        teardown_databases(self.config, verbosity=0)
        if self.template is None:
            return
        # The last worker of this pytest run drops the template (and its record, so that a
        # later run in the same folder builds it anew).
        with self.lock:
            finished = int(self.workers.read_text()) + 1 if self.workers.exists() else 1
            if finished < int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 1):
                self.workers.write_text(str(finished))
                return
            self.workers.unlink(missing_ok=True)
            self.record.unlink(missing_ok=True)
            original_name = connection.settings_dict["NAME"]
            connection.settings_dict["NAME"] = self.template
            connection.creation.destroy_test_db(original_name, verbosity=0)


class SharedSnapshots:
    """Snapshots of the demo, built by the first process that needs them and pickled, with
    the pictures the build wrote, for the others; `name` tells apart the different builds."""

    def __init__(self, folder, name="demo"):
        label = database_label()
        self.lock = FileLock(folder / f"{name}-{label}.lock")
        self.file = folder / f"{name}-{label}.pickle"
        self.media = folder / f"{name}-{label}-media"

    def get(self, take):
        """The snapshots: taken here with `take()` (a list of Snapshot) if no process of the
        run has yet."""
        from tests.snapshot import Snapshot

        with self.lock:
            if self.file.exists():
                shutil.copytree(self.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
                return [Snapshot(rows) for rows in pickle.loads(self.file.read_bytes())]
            snapshots = take()
            shutil.copytree(settings.MEDIA_ROOT, self.media, dirs_exist_ok=True)
            written = self.file.with_suffix(".partial")
            written.write_bytes(pickle.dumps([snapshot.rows for snapshot in snapshots]))
            written.replace(self.file)
            return snapshots
