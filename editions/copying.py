"""Start the next edition from the last one.

The source edition's tree is copied page by page in its source language (Wagtail's own
page copy, unpublished), every datetime moved to the new dates in the edition's time zone,
what belongs to one year only (registration, status, proceedings' resources) reset. Then
each translation of the old tree becomes a wagtail-localize translation of the new tree,
its strings taken from the old translation, so translators find the copy translated as far
as the old edition was and keep working in wagtail-localize's editor. Nothing is published.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    TranslationSource,
)
from wagtail_localize.models import Translation as LocalizeTranslation

from .copy_review import repoint_links, stale_images, stale_patterns, stale_texts
from .models import EditionPage, EditionStatus
from .models.edition import year_taken_message

# Fields that hold last year's registration or outcome: emptied in the copy.
RESET_FIELDS = {
    "EditionPage": {
        "status": EditionStatus.SCHEDULED,
        "previous_start": None,
        "previous_end": None,
        "status_note": "",
        "registration_url": "",
        "pretix_event": "",  # a pretix event is one year's; the organiser stays
        "registration_opens": None,
        "registration_closes": None,
    },
    "SessionPage": {
        "status": "scheduled",
        "registration_url": "",
    },
    # The new programme is announced when its editors say so (the change log's start).
    "ProgrammePage": {"announced_at": None},
}
# Fields left out of the copy altogether: what the old edition produced after the event.
EXCLUDED_FIELDS = {"SessionPage": ["resources"]}
# Text fields where the year is written out: « Rencontres 2025 » becomes « Rencontres 2026 ».
YEAR_FIELDS = ("title", "draft_title", "seo_title", "hashtag")


@dataclass
class CopyReport:
    edition: EditionPage
    pages: int = 0
    sessions_left_out: int = 0
    translations: dict = field(default_factory=dict)  # language code -> pages created
    links_repointed: int = 0  # pages whose links to the source edition now go to the copy
    stale: list = field(default_factory=list)  # StaleText: words naming the source's year
    stale_images: list = field(default_factory=list)  # StaleImage: images naming it
    earlier: bool = False  # the new edition comes before the source


class EditionCopier:
    """Copies `source` (an edition in any language) into a new edition for `year`."""

    def __init__(self, source, *, year, start, number=None, include_sessions=True, user=None):
        self.source = self.source_language_edition(source)
        self.year = int(year)
        self.start_date = start
        if number is None and self.source.number:
            number = self.source.number + 1
        self.number = number  # None: the sources give no number
        self.include_sessions = include_sessions
        self.user = user
        self.day_shift = datetime.timedelta(days=(start - self.source.local_start.date()).days)
        self.pairs = []  # (old page, new page), parents first
        self.stale_pattern = stale_patterns(self.source)
        self.left_out = 0

    @staticmethod
    def source_language_edition(edition):
        """The edition in the language its translations are made from."""
        source = TranslationSource.objects.filter(object_id=edition.translation_key).first()
        locale = source.locale if source else Locale.get_default()
        found = EditionPage.objects.filter(
            translation_key=edition.translation_key, locale=locale
        ).first()
        return found or edition

    # --- validation -------------------------------------------------------------------

    def validate(self):
        errors = {}
        homes = self.source.get_parent().get_translations(inclusive=True)
        taken = next(
            (
                page
                for home in homes
                for page in Page.objects.child_of(home).filter(slug=str(self.year))[:1]
            ),
            None,
        )
        if taken is not None:
            errors["year"] = year_taken_message(taken, self.year)
        if self.start_date.year != self.year:
            errors["start"] = _("The %(year)s edition must start in %(year)s.") % {
                "year": self.year
            }
        if self.number is not None and self.number < 1:
            errors["number"] = _("Enter a positive edition number.")
        if errors:
            raise ValidationError(errors)

    # --- the copy ---------------------------------------------------------------------

    @transaction.atomic
    def run(self):
        self.validate()
        new_edition = self.copy_page(self.source, self.source.get_parent())
        report = CopyReport(
            edition=new_edition,
            pages=len(self.pairs),
            sessions_left_out=self.left_out,
            earlier=self.year < self.source.year,
        )
        self.review(report)
        for locale in self.target_locales():
            report.translations[locale.language_code] = self.translate(locale)
        return report

    def copy_page(self, old, new_parent):
        old = old.specific
        if not self.include_sessions and type(old).__name__ == "SessionPage":
            self.left_out += 1
            return None
        new = old.copy(
            to=new_parent,
            update_attrs=self.changes(old),
            exclude_fields=EXCLUDED_FIELDS.get(type(old).__name__, []),
            copy_revisions=False,
            keep_live=False,
            user=self.user,
        )
        self.pairs.append((old, new))
        for child in old.get_children().specific():
            self.copy_page(child, new)
        return new

    def review(self, report):
        """Links into the source edition go to the copies; the words that still name the
        source's year, dates or number are listed for the editor, and the images that name them
        (editions/copy_review.py)."""
        mapping = {old.pk: new.pk for old, new in self.pairs}
        for _old, new in self.pairs:
            if repoint_links(new, mapping):
                new.save()
                new.save_revision(user=self.user, log_action=False)
                report.links_repointed += 1
            report.stale += stale_texts(new, self.stale_pattern)
            report.stale_images += stale_images(new, self.stale_pattern)

    def changes(self, page):
        """The attributes the copy of `page` gets instead of the old ones."""
        name = type(page).__name__
        attrs = {"go_live_at": None, "expire_at": None, "locked": False, "locked_by": None}
        for field_name in YEAR_FIELDS:
            value = getattr(page, field_name, None)
            if isinstance(value, str) and value:
                attrs[field_name] = self.replace_year(value)
        for model_field in page._meta.concrete_fields:
            # Only the fields of our page types: Wagtail's own dates (publishing, locks) stay.
            if isinstance(model_field, models.DateTimeField) and model_field.model is not Page:
                value = getattr(page, model_field.attname)
                if value is not None:
                    attrs[model_field.attname] = self.shift(value)
        attrs.update(RESET_FIELDS.get(name, {}))
        if name == "EditionPage":
            attrs.update(year=self.year, number=self.number, slug=str(self.year))
        return attrs

    def replace_year(self, text):
        return text.replace(str(self.source.year), str(self.year))

    def shift(self, value):
        """The same wall-clock time in the edition's time zone, `day_shift` days later."""
        tz = self.source.tzinfo
        local = self.source.local(value)
        return datetime.datetime.combine(local.date() + self.day_shift, local.time(), tzinfo=tz)

    # --- translations -----------------------------------------------------------------

    def target_locales(self):
        codes = EditionPage.objects.filter(translation_key=self.source.translation_key).exclude(
            locale=self.source.locale
        )
        return Locale.objects.filter(pk__in=codes.values("locale_id")).order_by("language_code")

    def translate(self, locale):
        """Makes each new page that had a translation in `locale` a draft translation."""
        created = 0
        for old, new in self.pairs:
            old_translation = old.get_translation_or_none(locale)
            if old_translation is None or old_translation.alias_of_id:
                # Not translated (an alias shows the French): the new French page gets an
                # alias of its own in that language when it is published.
                continue
            key_map = self.child_key_map(old, new)
            source, _created = TranslationSource.get_or_create_from_instance(new)
            self.copy_strings(old, new, source, locale, key_map)
            self.copy_overrides(old, new, source, locale, key_map)
            translation = LocalizeTranslation.objects.create(
                source=source, target_locale=locale, enabled=True
            )
            # Strings the old edition had not translated stay in French, marked as waiting.
            translation.save_target(user=self.user, publish=False)
            created += 1
        return created

    @staticmethod
    def child_key_map(old, new):
        """Old inline objects' translation keys to their copies' (the copy keeps the order)."""
        key_map = {}
        for relation in get_all_child_relations(old):
            if not issubclass(relation.related_model, TranslatableMixin):
                continue
            accessor = relation.get_accessor_name()
            olds = getattr(old, accessor).all()
            news = getattr(new, accessor).all()
            for old_child, new_child in zip(olds, news, strict=True):
                key_map[str(old_child.translation_key)] = str(new_child.translation_key)
        return key_map

    @staticmethod
    def rewrite(path, key_map):
        return ".".join(key_map.get(part, part) for part in path.split("."))

    def copy_strings(self, old, new, source, locale, key_map):
        old_source = TranslationSource.objects.filter(object_id=old.translation_key).first()
        if old_source is None:
            return
        known = {}
        old_segments = (
            StringSegment.objects.filter(source=old_source)
            .annotate_translation(locale)
            .select_related("string", "context")
        )
        for segment in old_segments:
            if segment.translation is None:
                continue
            path, text = self.rewrite(segment.context.path, key_map), segment.string.data
            known[(path, text)] = segment.translation
            # A title whose year moved on: « Rencontres 2026 » takes "2026 Meetings".
            known.setdefault(
                (path, self.replace_year(text)), self.replace_year(segment.translation)
            )
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            if self.stale_pattern.search(segment.string.data):
                continue  # it names last year: to be translated again once reviewed
            translated = known.get((segment.context.path, segment.string.data))
            if translated is not None:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={
                        "data": translated,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                        "last_translated_by": self.user,
                    },
                )

    def copy_overrides(self, old, new, source, locale, key_map):
        """Values a translator chose for this language instead of the source's (a link)."""
        wanted = {
            segment.context.path: segment.context
            for segment in OverridableSegment.objects.filter(source=source).select_related(
                "context"
            )
        }
        overrides = SegmentOverride.objects.filter(
            locale=locale, context__object_id=old.translation_key
        ).select_related("context")
        for override in overrides:
            context = wanted.get(self.rewrite(override.context.path, key_map))
            if context is not None:
                SegmentOverride.objects.update_or_create(
                    locale=locale, context=context, defaults={"data_json": override.data_json}
                )
