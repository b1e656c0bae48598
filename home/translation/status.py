"""Words and their status: when the French words changed, when each language was translated."""

import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, TranslatableMixin

from .facts import base_content_type, source_language, source_of

UNTRANSLATED = "untranslated"
OUTDATED = "outdated"
CURRENT = "current"
STATUS_LABELS = {
    UNTRANSLATED: _("Not translated"),
    OUTDATED: _("To update"),
    CURRENT: _("Up to date"),
}


class TranslationStatus(models.Model):
    """When the words of a page or snippet last changed, per language.

    The source language's row says when its words last changed; another language's row says
    when its words were last translated (published by a translator). No row in a language:
    not translated there."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    words_digest = models.CharField(max_length=64, blank=True)
    words_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "home"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "translation_key", "locale"],
                name="one_translation_status_per_language",
            )
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.locale_id})"


# --- words and their status --------------------------------------------------------------


def words_digest(obj):
    """A digest of the words of `obj` (what wagtail-localize sends to translation)."""
    from wagtail_localize.segments.extract import extract_segments
    from wagtail_localize.segments.types import StringSegmentValue

    try:
        segments = extract_segments(obj)
    except Exception:  # noqa: BLE001 (a model wagtail-localize cannot read: compare nothing)
        return ""
    words = sorted(
        (segment.path, segment.string.data)
        for segment in segments
        if isinstance(segment, StringSegmentValue)
    )
    return hashlib.sha256(json.dumps(words).encode()).hexdigest()


def record_source_words(source):
    """The source was saved or published: note when its words changed (the first record of
    an object only notes its words, so that nothing looks out of date on day one)."""
    digest = words_digest(source)
    status, created = TranslationStatus.objects.get_or_create(
        content_type=base_content_type(source),
        translation_key=source.translation_key,
        locale_id=source.locale_id,
        defaults={"words_digest": digest},
    )
    if not created and status.words_digest != digest:
        status.words_digest = digest
        status.words_changed_at = timezone.now()
        status.save(update_fields=["words_digest", "words_changed_at"])


def record_translated(obj, source=None):
    """A translator published words for `obj`. They translate the French as wagtail-localize
    last captured it for translation: if that capture is older than the French words now,
    the translation is dated from the capture, so it still reads « à mettre à jour »."""
    from wagtail_localize.models import TranslationSource

    when = timezone.now()
    source = source or source_of(obj)
    captured = TranslationSource.objects.filter(object_id=obj.translation_key).first()
    if captured is not None and source is not None:
        try:
            stale = words_digest(captured.as_instance()) != words_digest(source)
        except Exception:  # noqa: BLE001 (the capture no longer reads: trust it not)
            stale = True
        if stale:
            when = min(when, captured.last_updated_at)
    TranslationStatus.objects.update_or_create(
        content_type=base_content_type(obj),
        translation_key=obj.translation_key,
        locale_id=obj.locale_id,
        defaults={"words_changed_at": when, "words_digest": words_digest(obj)},
    )


def forget_translation(obj):
    """`obj` shows the French words again: not translated in its language."""
    TranslationStatus.objects.filter(
        content_type=base_content_type(obj),
        translation_key=obj.translation_key,
        locale_id=obj.locale_id,
    ).delete()


def statuses(model, keys, locale):
    """{translation key: UNTRANSLATED / OUTDATED / CURRENT} in `locale` for objects of
    `model` (pages or snippets), in two queries."""
    content_type = base_content_type(model)
    keys = list(keys)
    rows = TranslationStatus.objects.filter(content_type=content_type, translation_key__in=keys)
    source = {}
    translated = {}
    source_code = source_language()
    for key, code, changed in rows.values_list(
        "translation_key", "locale__language_code", "words_changed_at"
    ):
        if code == source_code:
            source[key] = changed
        elif code == locale.language_code:
            translated[key] = changed
    if issubclass(model, Page):
        aliases = set(
            Page.objects.filter(
                translation_key__in=keys, locale=locale, alias_of__isnull=False
            ).values_list("translation_key", flat=True)
        )
    else:
        aliases = set()
    result = {}
    for key in keys:
        if key in aliases or key not in translated:
            result[key] = UNTRANSLATED
        elif source.get(key) and (translated[key] is None or translated[key] < source[key]):
            result[key] = OUTDATED
        else:
            result[key] = CURRENT
    return result


def translated_keys(model, keys, locale):
    """The keys whose words exist in `locale` (translated, even if out of date)."""
    if locale.language_code == source_language():
        return set(keys)
    return {key for key, state in statuses(model, keys, locale).items() if state != UNTRANSLATED}


def translated_locales(source):
    """The languages where a translator's words for `source` are published (a page showing
    the French words has no status in its language)."""
    return set(
        TranslationStatus.objects.filter(
            content_type=base_content_type(source), translation_key=source.translation_key
        ).values_list("locale_id", flat=True)
    )


_locale_codes = {}


def language_of(locale_id):
    """A locale's language code, without a query after the first (locales are few)."""
    if locale_id not in _locale_codes:
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id)


def words_language(obj):
    """The language of the words `obj` shows: a snippet's own language; for a page in another
    language than the source, the source's when it still has the French words."""
    if obj is None or not isinstance(obj, TranslatableMixin) or not obj.locale_id:
        return None
    if isinstance(obj, Page):
        if language_of(obj.locale_id) == source_language():
            return source_language()
        shows_french_words = getattr(obj, "shows_french_words", None)
        if shows_french_words is None:
            shows_french_words = bool(obj.alias_of_id) or not translated_keys(
                Page, [obj.translation_key], obj.locale
            )
        return source_language() if shows_french_words else language_of(obj.locale_id)
    return language_of(obj.locale_id)


def with_shows_french_words(queryset):
    """Pages annotated with `shows_french_words`: a page in another language than the source
    that still has the French words (an alias, or a translation no translator has published),
    in the same SQL query."""
    from django.db.models import Exists, OuterRef, Q

    translated = TranslationStatus.objects.filter(
        content_type=base_content_type(Page),
        translation_key=OuterRef("translation_key"),
        locale_id=OuterRef("locale_id"),
    )
    return queryset.annotate(
        shows_french_words=models.ExpressionWrapper(
            ~Q(locale__language_code=source_language())
            & (Q(alias_of__isnull=False) | ~Exists(translated)),
            output_field=models.BooleanField(),
        )
    )
