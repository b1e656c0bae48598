"""A database state taken once per test process and put back in each test that needs it.

Loading and translating the demo site takes 20 to 40 seconds (it saves hundreds of pages,
revisions and translations through Wagtail); more than a hundred tests start from it. A
`Snapshot` keeps the rows of every table the build changed, read with the database's own
bulk reader (PostgreSQL's COPY, SQLite's SELECT), and writes them back inside the test's
transaction: the test then sees exactly what the build made, and its rollback removes it.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

SKIPPED = {"django_migrations"}


def _virtual_tables():
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
        return [row[0] for row in cursor.fetchall()]


def _tables(search=False):
    """Every ordinary table. SQLite's full-text tables are left to the search tests, which
    index what they search, unless `search`: then the full-text tables are kept too (written
    through the table itself, never its shadow tables)."""
    names = set(connection.introspection.table_names(include_views=False)) - SKIPPED
    virtual = _virtual_tables()
    names = {n for n in names if not any(n == v or n.startswith(f"{v}_") for v in virtual)}
    if search:
        names |= set(virtual)
    return sorted(names)


def _columns(table):
    """The column list to read and write `table` with: SQLite's full-text tables need their
    rowid named, which `SELECT *` leaves out."""
    if table not in _virtual_tables():
        return "*", ""
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA table_info({connection.ops.quote_name(table)})")
        names = ["rowid", *(row[1] for row in cursor.fetchall())]
    return ", ".join(names), f"({', '.join(names)})"


def _read(table):
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quoted} TO STDOUT") as copy:
                return b"".join(bytes(block) for block in copy)
        cursor.execute(f"SELECT {_columns(table)[0]} FROM {quoted}")
        return cursor.fetchall()


def _write(table, rows):
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quoted}")
        if not rows:
            return
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quoted} FROM STDIN") as copy:
                copy.write(rows)
            return
        marks = ", ".join(["%s"] * len(rows[0]))
        cursor.executemany(f"INSERT INTO {quoted}{_columns(table)[1]} VALUES ({marks})", rows)


class Snapshot:
    def __init__(self, rows):
        self.rows = rows

    @staticmethod
    def take(*builds):
        """Runs each build in turn and returns a snapshot after each; the database is left
        as it was (the builds run in a transaction that is rolled back)."""
        snapshots = []
        tables = _tables()
        with transaction.atomic():
            before = {table: _read(table) for table in tables}
            for build in builds:
                build()
                after = {table: _read(table) for table in tables}
                changed = {t: rows for t, rows in after.items() if rows != before[t]}
                snapshots.append(Snapshot(changed))
            transaction.set_rollback(True)
        return snapshots

    @staticmethod
    def read_all():
        """Every table as it is now, the full-text index included: for a database that is
        emptied after each test (a live server's transactional tests), where only a whole
        state can be put back."""
        return Snapshot({table: _read(table) for table in _tables(search=True)})

    def restore(self):
        """Puts the snapshot's rows back; foreign keys are checked at the end of the
        transaction (Django declares them deferred), so the order of tables is free."""
        with transaction.atomic():
            for table, rows in self.rows.items():
                _write(table, rows)
            if connection.vendor == "postgresql":
                models = [
                    model
                    for model in apps.get_models(include_auto_created=True)
                    if model._meta.db_table in self.rows
                ]
                statements = connection.ops.sequence_reset_sql(no_style(), models)
                with connection.cursor() as cursor:
                    for statement in statements:
                        cursor.execute(statement)
        # Content types may have been made again (with other ids) since the snapshot.
        ContentType.objects.clear_cache()
