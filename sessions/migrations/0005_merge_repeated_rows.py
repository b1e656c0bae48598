"""Rows an inline panel held twice are merged before 0006_rows_once refuses them (a migration
of its own: PostgreSQL does not alter a table with pending updates in the same transaction)."""

from django.db import migrations

from home.repeated_rows import merge_repeated_rows


class Migration(migrations.Migration):
    dependencies = [("programme", "0004_session_status_choices")]

    operations = [
        migrations.RunPython(
            merge_repeated_rows('programme', 'sessionpartner', 'session', ['partner']), migrations.RunPython.noop
        ),
        migrations.RunPython(
            merge_repeated_rows('programme', 'sessionspeaker', 'session', ['person']), migrations.RunPython.noop
        ),
    ]
