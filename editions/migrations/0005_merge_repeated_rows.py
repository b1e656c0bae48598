"""Rows an inline panel held twice are merged before 0006_rows_once refuses them (a migration
of its own: PostgreSQL does not alter a table with pending updates in the same transaction)."""

from django.db import migrations

from home.repeated_rows import merge_repeated_rows


class Migration(migrations.Migration):
    dependencies = [("editions", "0004_registration_provider")]

    operations = [
        migrations.RunPython(
            merge_repeated_rows('editions', 'contact', 'page', ['name']), migrations.RunPython.noop
        ),
        migrations.RunPython(
            merge_repeated_rows('editions', 'transportitem', 'page', ['mode', 'lines', 'station']), migrations.RunPython.noop
        ),
        migrations.RunPython(
            merge_repeated_rows('editions', 'usefullink', 'page', ['url']), migrations.RunPython.noop
        ),
    ]
