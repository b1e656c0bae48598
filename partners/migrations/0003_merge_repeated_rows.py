"""Rows an inline panel held twice are merged before 0004_rows_once refuses them (a migration
of its own: PostgreSQL does not alter a table with pending updates in the same transaction)."""

from django.db import migrations

from home.repeated_rows import merge_repeated_rows


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_default_tiers")]

    operations = [
        migrations.RunPython(
            merge_repeated_rows('partners', 'editionpartner', 'edition', ['partner']), migrations.RunPython.noop
        ),
    ]
