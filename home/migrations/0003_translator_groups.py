"""The translator groups, one per translated language of settings.LANGUAGES (« Traducteurs
EN », « Traducteurs ES »), set up by migration rather than by hand.

Each may reach the admin, translate the snippets (people, rooms, venues, partners, tiers:
the admin narrows them to the group's language, home/wagtail_hooks.py), sync a translation
with its source (wagtail-localize's submit_translation), and edit and publish the page tree
of its language; the French source and the other languages stay out of reach. A language
tree created later is granted when its home page is published (home/apps.py), and a
language added to settings later gets its group after `migrate` (home/translators.py).
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

SNIPPETS = [
    ("programme", "person"),
    ("programme", "room"),
    ("editions", "venue"),
    ("partners", "partner"),
    ("partners", "partnertier"),
]


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; these need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    common = [
        permission("wagtailadmin", "access_admin"),
        permission("wagtail_localize", "submit_translation"),
        *[permission(app, f"change_{model}") for app, model in SNIPPETS],
    ]
    page_permissions = [permission("wagtailcore", c) for c in ("change_page", "publish_page")]
    for code, _name in settings.LANGUAGES:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        if code == settings.LANGUAGE_CODE:
            continue
        group, _ = Group.objects.get_or_create(name=f"Traducteurs {code.upper()}")
        group.permissions.add(*common)
        for home in Page.objects.filter(depth=2, locale=locale):
            for page_permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=page_permission
                )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__startswith="Traducteurs ").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_editorial_groups"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
