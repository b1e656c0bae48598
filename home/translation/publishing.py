"""The French publication reaches every language; snippets follow their source."""

import logging

from django.db import transaction
from django.utils import timezone

from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from home.caching.invalidation import changed, object_tags

from .facts import (
    FactsFromSource,
    copy_facts,
    copy_rows,
    declaring_models,
    fact_fields,
    fact_relations,
    is_live,
    is_source,
    shows_translation,
    source_language,
    source_of,
)
from .status import (
    forget_translation,
    record_source_words,
    record_translated,
    translated_locales,
    words_digest,
)

# --- the French publication --------------------------------------------------------------

logger = logging.getLogger(__name__)


def spread_page_facts(source):
    """The French page was published: its facts go to every translation, every language
    gets a live page for it, and the words it shows are recorded."""
    model = type(source)
    translations = model.objects.filter(translation_key=source.translation_key).exclude(
        locale_id=source.locale_id
    )
    # The translation editor's copy of the French words first: a translation is complete
    # only against the words just published.
    refresh_translation_source(source)
    translated = translated_locales(source)
    for translation in translations:
        if translation.alias_of_id:
            continue  # Wagtail updates aliases right after this (Page.update_aliases)
        # Not live yet, or live with the French words (no translator published it): it
        # takes the words just published, its own where every string is translated.
        shows_french_words = not translation.live or translation.locale_id not in translated
        if source.live and shows_french_words and publish_if_translated(source, translation):
            continue
        copy_facts(source, translation)
        if source.live and shows_french_words:
            show_french_words(source, translation)
        else:
            translation.save(clean=False)
    # The languages without a page for it get an alias once Wagtail has updated the
    # existing ones (BasePage.update_aliases).
    record_source_words(source)


def complete_translation(translation_key, target_locale_id):
    """wagtail-localize's Translation into `target_locale_id` of the French object
    `translation_key` when every string is translated against the French words it last
    captured, else None."""
    from wagtail_localize.models import Translation

    found = Translation.objects.filter(
        source__object_id=translation_key,
        source__locale__language_code=source_language(),
        target_locale_id=target_locale_id,
        enabled=True,
    ).first()
    if found is None:
        return None
    total, done = found.get_progress()
    return found if total and done == total else None


def publish_if_translated(source, translation):
    """A translation not yet live whose every string is translated (a copied edition's page
    whose words did not change since last year, or one a translator finished before the
    French went out) goes live with its own words at the French publication, rather than
    with the French words until a translator publishes it. True when it did."""
    found = complete_translation(source.translation_key, translation.locale_id)
    if found is None:
        return False
    captured = found.source
    try:
        with transaction.atomic():
            # wagtail-localize's save_target(publish=True) would publish after the commit:
            # made as a draft, then published here, in the French publication's transaction.
            page, _created = captured.create_or_update_translation(
                found.target_locale, publish=False, copy_parent_pages=True, fallback=True
            )
            page.get_latest_revision().publish()
    except Exception:  # a translation wagtail-localize cannot apply shows the French words
        logger.exception("Could not publish the translation %s", translation)
        return False
    return True  # its publication drops the pages that show it (home/caching/invalidation.py)


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


def show_french_words(source, translation):
    """A translation that is only a draft goes live with the French words (marked as such);
    its draft stays the translator's latest revision until they publish it."""
    updated = translation.with_content_json(source.serializable_data())
    own_rows(updated, translation, source)
    # The translation keeps its own slug and address: with_content_json computed one from
    # the French slug, which left the page (and, through it, its children) answering at
    # two addresses. A French publication never moves a translation.
    updated.slug = translation.slug
    updated.url_path = translation.url_path
    # Its title is the one interface word it already has: menus, breadcrumbs and the
    # language switcher name the page in its language when the translator translated it
    # (last year's, carried by the copy), the French one otherwise.
    updated.title = translated_title(translation) or source.title
    updated.draft_title = updated.title
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


def translated_title(translation):
    """The title of the translation's latest draft, when the translator translated it (the
    title string is translated, without error), else None."""
    from wagtail_localize.models import StringTranslation

    translated = StringTranslation.objects.filter(
        context__object_id=translation.translation_key,
        context__path="title",
        locale_id=translation.locale_id,
        has_error=False,
    ).exists()
    if not translated:
        return None
    return translation.get_latest_revision_as_object().title or None


def own_rows(updated, translation, source):
    """The inline rows `updated` took from the French page's JSON carry the French rows'
    primary keys and language: saved on the translation, they would take the French rows
    away from the French page (and from each other language in turn), which lost the lists
    of every copied edition on its first publication. Each row becomes the translation's
    own row for the same translation key, or a new one, in the translation's language."""
    for relation in child_relation_names(source):
        mine = {row.translation_key: row.pk for row in getattr(translation, relation).all()}
        rows = list(getattr(updated, relation).all())
        for row in rows:
            row.pk = mine.get(row.translation_key)
            row.locale_id = translation.locale_id
        setattr(updated, relation, rows)


def child_relation_names(page):
    from modelcluster.models import get_all_child_relations

    return [
        rel.get_accessor_name()
        for rel in get_all_child_relations(page)
        if issubclass(rel.related_model, TranslatableMixin)
    ]


def withdraw_translations(source):
    """The French page was unpublished: so are its pages in the other languages."""
    for page in (
        Page.objects.filter(translation_key=source.translation_key, live=True)
        .exclude(locale_id=source.locale_id)
        .specific()
    ):
        page.unpublish(log_action=False)


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
    #to_pk (a snippet translation was published, unpublished or is being deleted)."""
    for model, name in foreign_keys_to(type(instance)):
        field = model._meta.get_field(name)
        model.objects.filter(**{field.attname: from_pk, "locale_id": instance.locale_id}).update(
            **{field.attname: to_pk}
        )


def link(translation, source):
    """The pages and rows of the translation's language point to it when the public may see
    it (it and its French source are live: facts.shows_translation), else to the French
    snippet: a draft translation never replaces a live source, and a translation never shows
    what the French has not published."""
    if shows_translation(translation, source):
        repoint(translation, source.pk, translation.pk)
    else:
        repoint(translation, translation.pk, source.pk)


def spread_snippet_facts(source):
    """The source snippet was published: its facts go to every translation (an update, so
    that the translation's own words and status are untouched)."""
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


# What Wagtail writes alone when it records a draft (save_revision), locks or schedules: the
# object in memory may then hold the draft's values, which no language may receive.
BOOKKEEPING = {"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"}


def snippet_saved(instance, created, update_fields=None):
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    if is_source(instance):
        for translation in (
            type(instance)
            .objects.filter(translation_key=instance.translation_key)
            .exclude(pk=instance.pk)
        ):
            link(translation, instance)
        if is_live(instance):
            # Published (or saved by code, which makes live rows): the facts reach every
            # language and the words go to the translators. A draft reaches no one.
            spread_snippet_facts(instance)
            record_source_words(instance)
            refresh_translation_source(instance)
        return
    source = source_of(instance)
    if source is None:
        return
    link(instance, source)
    if created:
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


def on_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if raw or not is_sourced_snippet(sender):
        return
    snippet_saved(instance, created, update_fields)


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
