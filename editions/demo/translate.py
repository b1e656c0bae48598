"""Translates the demo through wagtail-localize's own records (translation sources, string
translations, translations) so that translators find it in the admin as if they had made it."""

from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from editions.models import EditionPage, Venue
from home.roles import HOME_DEPTH
from home.translation import record_translated
from partners.models import Partner, PartnerTier
from sessions.models import Person, Room, SessionPage

from .translations import EN, ES, SLUGS, SPANISH_PAGES

TABLES = {"en": EN, "es": ES}
SNIPPET_MODELS = [Venue, Room, Person, Partner, PartnerTier]


class DemoTranslator:
    def __init__(self, log=print):
        self.log = log
        self.created = []

    @transaction.atomic
    def run(self):
        source_locale = Locale.get_default()
        for code in ("en", "es"):
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None:
                continue
            for obj in self.objects(code, source_locale):
                self.translate(obj, locale, TABLES[code], SLUGS[code])
        return self.created

    def objects(self, code, source_locale):
        """Snippets first (pages point to them), then pages parents first."""
        pages = list(
            Page.objects.filter(locale=source_locale, depth__gte=HOME_DEPTH)
            .order_by("path")
            .specific()
        )
        snippets = [
            obj for model in SNIPPET_MODELS for obj in model.objects.filter(locale=source_locale)
        ]
        if code == "es":
            pages = [page for page in pages if self.in_spanish_demo(page)]
            snippets = self.referenced_snippets(pages)
        return snippets + pages

    @staticmethod
    def in_spanish_demo(page):
        name = type(page).__name__
        if isinstance(page, EditionPage):
            return f"{name}:{page.year}" in SPANISH_PAGES
        if name == "HomePage":
            return True
        edition = getattr(page, "edition", None)
        return (
            name in SPANISH_PAGES
            and edition is not None
            and f"EditionPage:{edition.year}" in SPANISH_PAGES
        )

    @staticmethod
    def referenced_snippets(pages):
        found = []
        for page in pages:
            if isinstance(page, EditionPage):
                found += [page.venue, page.editorial_author]
                for row in page.edition_partners.all():
                    found += [row.partner, row.tier]
            elif isinstance(page, SessionPage):
                found.append(page.room)
        unique = []
        for obj in found:
            if obj is not None and obj not in unique:
                unique.append(obj)
        return unique

    def translate(self, obj, locale, table, slugs):
        existing = obj.get_translation_or_none(locale)
        if existing is not None and not getattr(existing, "alias_of_id", None):
            return  # translated already (an alias is the French page shown in that language)
        source, _ = TranslationSource.get_or_create_from_instance(obj)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            data = segment.string.data
            if segment.context.path == "slug":
                text = slugs.get(type(obj).__name__, {}).get(data, data)
            else:
                text = table.get(data, data)  # names, places and brands stay as they are
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        if isinstance(obj, Page):
            # wagtail-localize publishes on commit; publishing a page's revision after its
            # children exist would restore the child count it had when the revision was made.
            translation.save_target(publish=False)
            obj.get_translation(locale).get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
            # The demo's translator has read every string, names included.
            record_translated(obj.get_translation(locale), obj)
        self.created.append((locale.language_code, obj))
        self.log(f"  + {locale.language_code}: {obj}")
