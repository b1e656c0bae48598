"""Seed the partner tiers named by the organiser; editors rename or add to them in the admin."""

import uuid

from django.conf import settings
from django.db import migrations

# (order, French label): French is the source language of the site.
DEFAULT_TIERS = [
    (10, "Organisateur"),
    (20, "Partenaires institutionnels"),
    (30, "Co-financeurs"),
    (40, "Partenaires"),
    (50, "Partenaires médias"),
    (60, "Ville hôte"),
]


def create_tiers(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    PartnerTier = apps.get_model("partners", "PartnerTier")
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for order, name in DEFAULT_TIERS:
        if not PartnerTier.objects.filter(locale=locale, name=name).exists():
            PartnerTier.objects.create(
                locale=locale, name=name, order=order, translation_key=uuid.uuid4()
            )


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_tiers, migrations.RunPython.noop)]
