"""One programme in every language.

**Facts have one source.** Whatever is not words (times, status, room, speakers and their
order, partners, images, links…) comes from the page or snippet in the source language
(French). Each translatable model declares its facts once:

    fact_fields = ("start", "end", "room", …)
    fact_relations = {"speakers": ("person", "role")}   # inline rows: the source's rows, in
                                                        # its order, with its facts; the other
                                                        # fields of a row are words
    overridable_facts = ("registration_url",)           # a language may override it on purpose
                                                        # (wagtail-localize's « override »)

A foreign key to a translatable snippet (a room, a person, a partner) points to the snippet's
translation in the page's language when there is one, else to the French snippet: its words
follow the visitor's language as soon as the translation exists, with nothing to resynchronise.
A stream field fact (the resources after a session) takes the source's blocks, order and
everything but text; the text of a block the translation already has stays translated.

The mechanism is "write": the French publication writes the facts to every translation in the
same transaction (BasePage.publish is atomic), and any later save or publication of a
translation takes them from the French again (BasePage.full_clean), so a translation never
shows a fact that differs from the live source, whoever saves it and however.

**Nothing disappears.** When a French page is published, every other language gets a page for
it: an alias (Wagtail keeps aliases identical to their source) when there is no translation,
and a translation that is still only a draft is made live with the French words until its
translator publishes. Such pages show the French words marked lang="fr" with a note.

**Translators see their work.** TranslationStatus records when the French words of a page or
snippet last changed and when each language's words were last translated: « non traduite »,
« à mettre à jour », « à jour ».
"""

import hashlib
import json
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index

logger = logging.getLogger(__name__)

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


# --- the declarations --------------------------------------------------------------------


def source_language():
    return settings.LANGUAGE_CODE


def source_locale():
    return Locale.objects.filter(language_code=source_language()).first()


def is_source(obj):
    return obj.locale.language_code == source_language()


def fact_fields(model):
    return tuple(getattr(model, "fact_fields", ()))


def fact_relations(model):
    return dict(getattr(model, "fact_relations", {}))


def declaring_models():
    """Every model that declares facts (pages, snippets)."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and (fact_fields(model) or fact_relations(model))
    ]


def base_content_type(obj_or_model):
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    if issubclass(model, Page):
        model = Page
    return ContentType.objects.get_for_model(model)


# --- copying facts -----------------------------------------------------------------------


def translated_pk(model, pk, locale_id):
    """The pk of the translation in `locale_id` of `model` #pk, or pk itself if none."""
    if pk is None or not issubclass(model, TranslatableMixin):
        return pk
    key = model.objects.filter(pk=pk).values_list("translation_key", flat=True).first()
    if key is None:
        return pk
    found = model.objects.filter(translation_key=key, locale_id=locale_id).values_list(
        "pk", flat=True
    )
    return found.first() or pk


def copy_field(name, source, target, keep_words_of=None):
    field = type(source)._meta.get_field(name)
    if field.many_to_one:
        value = translated_pk(field.related_model, getattr(source, field.attname), target.locale_id)
        setattr(target, field.attname, value)
        # Drop a cached related object that no longer matches.
        field.delete_cached_value(target) if field.is_cached(target) else None
    elif isinstance(field, StreamField):
        theirs = raw_stream(field, getattr(source, name))
        mine = raw_stream(field, getattr(keep_words_of, name)) if keep_words_of else []
        setattr(target, name, merge_stream(field.stream_block, theirs, mine))
    else:
        setattr(target, field.attname, getattr(source, field.attname))


def raw_stream(field, value):
    """A stream field's value as its list of blocks (what the database stores)."""
    prepared = field.get_prep_value(value)
    if isinstance(prepared, str):
        prepared = json.loads(prepared or "[]")
    return json.loads(json.dumps(prepared or [], cls=DjangoJSONEncoder))


TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def merge_value(block, source, mine):
    """The source's value of `block`, keeping the text `mine` has for the same structure."""
    if isinstance(block, TEXT_BLOCKS):
        return mine if isinstance(mine, str) and mine else source
    if isinstance(block, blocks.StreamBlock):
        return merge_stream(block, source or [], mine or [])
    if isinstance(block, blocks.StructBlock):
        if not isinstance(source, dict):
            return source
        mine = mine if isinstance(mine, dict) else {}
        return {
            name: merge_value(block.child_blocks[name], value, mine.get(name))
            if name in block.child_blocks
            else value
            for name, value in source.items()
        }
    if isinstance(block, blocks.ListBlock):
        if not isinstance(source, list):
            return source
        mine_items = {
            item.get("id"): item for item in (mine or []) if isinstance(item, dict) and "id" in item
        }
        merged = []
        for item in source:
            if isinstance(item, dict) and "id" in item and "value" in item:
                other = mine_items.get(item["id"], {}).get("value")
                merged.append(
                    {**item, "value": merge_value(block.child_block, item["value"], other)}
                )
            else:
                merged.append(item)
        return merged
    return source


def merge_stream(stream_block, source, mine):
    by_id = {item.get("id"): item for item in mine if isinstance(item, dict)}
    merged = []
    for item in source:
        other = by_id.get(item.get("id"))
        child = stream_block.child_blocks.get(item.get("type"))
        if other is not None and other.get("type") == item.get("type") and child is not None:
            merged.append({**item, "value": merge_value(child, item["value"], other["value"])})
        else:
            merged.append(item)
    return merged


def overridden_fields(source, locale_id):
    """{field: value} for the overridable facts a language has overridden on purpose in
    wagtail-localize's editor (« Remplacer »)."""
    names = getattr(type(source), "overridable_facts", ())
    if not names:
        return {}
    from wagtail_localize.models import SegmentOverride

    rows = SegmentOverride.objects.filter(
        locale_id=locale_id, context__object_id=source.translation_key, context__path__in=names
    ).values_list("context__path", "data_json")
    return {path: json.loads(data) for path, data in rows}


def copy_rows(source, target, relation, facts):
    """The source's inline rows, in its order and with its facts; the words of a row the
    target already has (same translation key) stay the target's."""
    manager = getattr(target, relation)
    mine = {row.translation_key: row for row in manager.all()}
    rows = []
    for row in getattr(source, relation).all():
        own = mine.get(row.translation_key)
        if own is None:
            own = copy_row(row, target)
        for name in facts:
            copy_field(name, row, own)
        if hasattr(row, "sort_order"):
            own.sort_order = row.sort_order
        rows.append(own)
    setattr(target, relation, rows)


def copy_row(row, target):
    model = type(row)
    values = {
        field.attname: getattr(row, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key and not getattr(field.remote_field, "parent_link", False)
    }
    new = model(**values)
    new.pk = None
    new.locale_id = target.locale_id
    return new


def copy_facts(source, target):
    """Write `source`'s facts onto `target` (in memory; the caller saves)."""
    model = type(source)
    overrides = overridden_fields(source, target.locale_id)
    for name in fact_fields(model):
        if name in overrides:
            setattr(target, name, overrides[name])
        else:
            copy_field(name, source, target, keep_words_of=target)
    for relation, facts in fact_relations(model).items():
        copy_rows(source, target, relation, facts)


def source_of(obj):
    """The source-language object of a translation, or None (a source, or no source)."""
    if not isinstance(obj, TranslatableMixin) or not obj.translation_key or not obj.locale_id:
        return None
    model = type(obj)
    source = (
        model.objects.filter(
            translation_key=obj.translation_key, locale__language_code=source_language()
        )
        .exclude(pk=obj.pk)
        .first()
    )
    return source


def take_source_facts(obj):
    """Before a translation is saved: its facts are the source's (see BasePage.full_clean)."""
    if isinstance(obj, Page) and obj.alias_of_id:
        return
    if not (fact_fields(type(obj)) or fact_relations(type(obj))):
        return
    source = source_of(obj)
    if source is not None:
        copy_facts(source, obj)


# --- the French publication --------------------------------------------------------------


def spread_page_facts(source):
    """The French page was published: its facts go to every translation, every language
    gets a live page for it, and the words it shows are recorded."""
    model = type(source)
    translations = model.objects.filter(translation_key=source.translation_key).exclude(
        locale_id=source.locale_id
    )
    for translation in translations:
        if translation.alias_of_id:
            continue  # Wagtail updates aliases right after this (Page.update_aliases)
        copy_facts(source, translation)
        if source.live and not translation.live:
            show_source_words(source, translation)
        else:
            translation.save(clean=False)
    create_missing_aliases(source)
    record_source_words(source)
    refresh_translation_source(source)


def refresh_translation_source(source):
    """The French words go to the translation editor at once (what « Synchroniser » did
    before, without touching any translation)."""
    from wagtail_localize.models import TranslationSource

    captured = TranslationSource.objects.filter(
        object_id=source.translation_key, locale_id=source.locale_id
    ).first()
    if captured is not None:
        try:
            with transaction.atomic():
                captured.update_from_db()
        except Exception:  # never let the translation editor's copy block a publication
            logger.exception("Could not refresh the translation source of %s", source)


def show_source_words(source, translation):
    """A translation that is only a draft goes live with the French words (marked as such);
    its draft stays the translator's latest revision until they publish it."""
    updated = translation.with_content_json(source.serializable_data())
    updated.slug = translation.slug
    updated.title = source.title
    updated.live = True
    updated.has_unpublished_changes = True
    now = timezone.now()
    updated.first_published_at = translation.first_published_at or now
    updated.last_published_at = now
    copy_facts(source, updated)
    for relation in child_relation_names(source):
        if relation not in fact_relations(type(source)):
            copy_rows(source, updated, relation, ())
    updated.save(clean=False)
    forget_translation(translation)  # its words are the source's: not translated


def child_relation_names(page):
    from modelcluster.models import get_all_child_relations

    return [
        rel.get_accessor_name()
        for rel in get_all_child_relations(page)
        if issubclass(rel.related_model, TranslatableMixin)
    ]


def create_missing_aliases(source):
    """Every language without a page for `source` gets an alias of it (and of its parents)."""
    have = set(
        Page.objects.filter(translation_key=source.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    for locale in Locale.objects.exclude(pk__in=have):
        source.copy_for_translation(locale, copy_parents=True, alias=True)


def sync_trees(sender=None, **kwargs):
    """Every live source page has a page in every language (after `migrate`: pages made
    before this rule, or before a language was added)."""
    if sender is not None and sender.name != "home":
        return
    source = source_locale()
    if source is None:
        return
    others = Locale.objects.exclude(pk=source.pk)
    count = others.count()
    if not count:
        return
    from django.db.models import Count

    keys = (
        Page.objects.filter(depth__gt=1)
        .values("translation_key")
        .annotate(n=Count("pk"))
        .filter(n__lt=count + 1)
        .values_list("translation_key", flat=True)
    )
    pages = Page.objects.filter(
        translation_key__in=list(keys), locale=source, live=True, alias_of__isnull=True
    ).order_by("path")
    for page in pages.specific():
        create_missing_aliases(page)
        page.update_aliases()


def withdraw_translations(source):
    """The French page was unpublished: so are its pages in the other languages."""
    for page in (
        Page.objects.filter(translation_key=source.translation_key, live=True)
        .exclude(locale_id=source.locale_id)
        .specific()
    ):
        page.unpublish(log_action=False)


# --- words and their status --------------------------------------------------------------


def words_digest(obj):
    """A digest of the words of `obj` (what wagtail-localize sends to translation)."""
    from wagtail_localize.segments.extract import extract_segments
    from wagtail_localize.segments.types import StringSegmentValue

    try:
        segments = extract_segments(obj)
    except Exception:  # a model wagtail-localize cannot read: compare nothing
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
        except Exception:  # the capture no longer reads (a field was removed): trust it not
            stale = True
        if stale:
            when = min(when, captured.last_updated_at)
    TranslationStatus.objects.update_or_create(
        content_type=base_content_type(obj),
        translation_key=obj.translation_key,
        locale_id=obj.locale_id,
        defaults={"words_changed_at": when, "words_digest": words_digest(obj)},
    )


class FactsFromSource:
    """For translatable snippets: a translation takes its facts from the source on save."""

    def save(self, *args, **kwargs):
        take_source_facts(self)
        return super().save(*args, **kwargs)


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
        own = getattr(obj, "own_words", None)
        if own is None:
            own = not obj.alias_of_id and bool(
                translated_keys(Page, [obj.translation_key], obj.locale)
            )
        return language_of(obj.locale_id) if own else source_language()
    return language_of(obj.locale_id)


def with_own_words(queryset):
    """Pages annotated with `own_words`: their words are their language's (not an alias, and
    translated, or in the source language), in the same SQL query."""
    from django.db.models import Exists, OuterRef, Q

    translated = TranslationStatus.objects.filter(
        content_type=base_content_type(Page),
        translation_key=OuterRef("translation_key"),
        locale_id=OuterRef("locale_id"),
    )
    return queryset.annotate(
        own_words=models.ExpressionWrapper(
            Q(alias_of__isnull=True)
            & (Q(locale__language_code=source_language()) | Exists(translated)),
            output_field=models.BooleanField(),
        )
    )


# --- snippets ----------------------------------------------------------------------------


def foreign_keys_to(model):
    """(model, field name, is page) for every declared fact that points to `model`."""
    found = []
    for declaring in declaring_models():
        for name in fact_fields(declaring):
            field = declaring._meta.get_field(name)
            if field.many_to_one and field.related_model is model:
                found.append((declaring, name))
        for relation, facts in fact_relations(declaring).items():
            child = declaring._meta.get_field(relation).related_model
            for name in facts:
                field = child._meta.get_field(name)
                if field.many_to_one and field.related_model is model:
                    found.append((child, name))
    return found


def repoint(instance, from_pk, to_pk):
    """The facts of `instance.locale`'s pages and rows that point to #from_pk now point to
    #to_pk (a snippet translation was created, or is being deleted)."""
    for model, name in foreign_keys_to(type(instance)):
        field = model._meta.get_field(name)
        model.objects.filter(**{field.attname: from_pk, "locale_id": instance.locale_id}).update(
            **{field.attname: to_pk}
        )


def spread_snippet_facts(source):
    """The source snippet was saved: its facts go to every translation (an update, so that
    the translation's own words and status are untouched)."""
    model = type(source)
    for translation in model.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    ):
        copy_facts(source, translation)
        values = {
            model._meta.get_field(name).attname: getattr(
                translation, model._meta.get_field(name).attname
            )
            for name in fact_fields(model)
        }
        model.objects.filter(pk=translation.pk).update(**values)
        if isinstance(translation, index.Indexed):
            index.insert_or_update_object(translation)


def snippet_saved(instance, created):
    if is_source(instance):
        spread_snippet_facts(instance)
        record_source_words(instance)
        refresh_translation_source(instance)
        return
    source = source_of(instance)
    if source is None:
        return
    if created:
        from .invalidation import changed, object_tags

        repoint(instance, source.pk, instance.pk)
        # Every page that shows it, in every language (the tags are translation keys).
        changed(object_tags(instance))
    if not created or words_digest(instance) != words_digest(source):
        # Saved by a translator (or created with words of its own): translated, even where
        # a name is the same in both languages.
        record_translated(instance, source)
    else:
        # Created with the French words (« Traduire » copies them): not translated yet.
        forget_translation(instance)


def snippet_deleting(instance):
    source = source_of(instance)
    if source is not None:
        repoint(instance, instance.pk, source.pk)


def atomic_publish(publish):
    """Wrap a publish method: the facts reach every language in the same transaction."""

    def wrapper(*args, **kwargs):
        with transaction.atomic():
            return publish(*args, **kwargs)

    return wrapper


# --- receivers (connected in HomeConfig.ready) ---------------------------------------------


def on_page_published(sender, instance, alias=False, **kwargs):
    if alias or instance.alias_of_id:
        return  # an alias follows its source (Page.update_aliases)
    if is_source(instance):
        spread_page_facts(instance)
    else:
        record_translated(instance)


def on_page_unpublished(sender, instance, **kwargs):
    if not instance.alias_of_id and is_source(instance):
        withdraw_translations(instance)


def is_sourced_snippet(sender):
    return (
        not issubclass(sender, Page)
        and issubclass(sender, TranslatableMixin)
        and issubclass(sender, FactsFromSource)
    )


def on_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not is_sourced_snippet(sender):
        return
    snippet_saved(instance, created)


def on_deleting(sender, instance, **kwargs):
    if is_sourced_snippet(sender):
        snippet_deleting(instance)


def connect():
    from django.db.models.signals import post_save, pre_delete

    from wagtail.signals import page_published, page_unpublished

    page_published.connect(on_page_published, dispatch_uid="facts_on_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="facts_on_page_unpublished")
    post_save.connect(on_saved, dispatch_uid="facts_on_snippet_saved")
    pre_delete.connect(on_deleting, dispatch_uid="facts_on_snippet_deleting")
