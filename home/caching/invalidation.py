"""What each change drops from the page cache (home.caching.page_cache) and purges from the CDN.

A page's cached views carry tags (BasePage.cache_tags): ``page:<translation key>`` for the
page in every language, ``edition:<key>`` for everything on every page of an edition (its
banner, navigation, footer partners), ``sessions:<key>`` for the pages listing its sessions
(edition, programme, speakers, proceedings), ``person:<key>`` for a speaker's own page and
``site`` for all.

This module knows no model of the apps: a model says what its changes drop with a
``dropped_cache_tags()`` method (pages: BasePage and its subclasses; snippets and settings:
their own method). An image is shown by whatever points to it, so its change drops what
those objects' changes drop.
"""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.db.models.signals import post_save, pre_delete

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.caching.tags import invalidate, invalidation_deferred
from home.roles import EDITION_DEPTH, EDITION_PART_DEPTH, HOME_DEPTH, edition_model, page_models

# What hides pages from the public (home/visibility.py): dropped when any of it changes.
VISIBILITY_TAG = "visibility"

# --- what a change shows up on ---------------------------------------------------------


def edition_keys(paths):
    """Translation keys of the editions above the pages at `paths` (no query per page)."""
    paths = set(paths)
    if not paths:
        return set()
    prefixes = {
        path[: depth * Page.steplen]
        for path in paths
        for depth in range(1, len(path) // Page.steplen + 1)
    }
    return set(
        edition_model().objects.filter(path__in=prefixes).values_list("translation_key", flat=True)
    )


def edition_tags(keys, scope="edition"):
    return {f"{scope}:{key}" for key in keys}


def tree_tags(page):
    """What a change of any page drops by its place in the tree: the page in every
    language; a home page or an edition (depth 2 or 3) decides which edition is current and
    is in every language's navigation (the whole site); an edition's direct child is in its
    navigation, on all its pages."""
    tags = {f"page:{page.translation_key}"}
    if page.depth <= EDITION_DEPTH:
        return tags | {"site"}
    if page.depth == EDITION_PART_DEPTH:
        tags |= edition_tags(edition_keys([page.path]))
    return tags


def page_tags(page):
    """A page changed (published, unpublished, moved, deleted, restricted): what its model
    declares (BasePage.dropped_cache_tags), or its place in the tree for a page of another
    model (Wagtail's own root and welcome pages)."""
    page = page.specific_deferred if type(page) is Page else page
    dropped = getattr(page, "dropped_cache_tags", None)
    return dropped() if dropped else tree_tags(page)


def pages_tags(pages):
    """The `page:` tags of `pages` (a queryset)."""
    return {f"page:{key}" for key in pages.values_list("translation_key", flat=True)}


def reverse_relations(model):
    """The foreign keys of other models that point to `model`, hidden ones (related_name
    "+") included."""
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and field.one_to_many
    ]


def referrers_tags(instance):
    """What the objects pointing to `instance` show: a model whose rows or pages point to
    other objects says what they drop with ``dropped_by_reference(queryset, field name)``;
    a snippet pointing to it (a person's photo) drops what its own change drops."""
    tags = set()
    key = getattr(instance, "translation_key", None)
    for relation in reverse_relations(type(instance)):
        model = relation.related_model
        name = relation.field.name
        # Every language's copy points to its own translation: follow them all.
        lookup = {f"{name}__translation_key": key} if key else {name: instance}
        by_reference = getattr(model, "dropped_by_reference", None)
        if by_reference is not None:
            tags |= by_reference(model._default_manager.filter(**lookup), name)
        elif hasattr(model, "dropped_cache_tags") and not issubclass(model, Page):
            for obj in model._default_manager.filter(**lookup):
                tags |= object_tags(obj)
    return tags


def image_tags(image):
    """An image replaced or deleted: what shows the objects that point to it (a partner's
    logo, a person's photo, an editorial photo) and the pages that show it in their content
    (Wagtail's reference index)."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ReferenceIndex

    tags = referrers_tags(image)
    page_ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return tags | pages_tags(Page.objects.filter(pk__in=[int(pk) for pk in page_ids]))


def object_tags(instance):
    """The tags of what shows `instance` (a snippet, an image, the site settings, a view
    restriction), or an empty set for anything else. A page's own saves (a draft, a
    revision) drop nothing: its publication, withdrawal, move or deletion does (receivers
    below)."""
    if isinstance(instance, Page):
        return set()
    if isinstance(instance, PageViewRestriction):
        # What a restricted page shows may be listed anywhere (a speaker's other editions,
        # search, the offline list): the whole site, in every language.
        return {"site", VISIBILITY_TAG} | page_tags(instance.page)
    if isinstance(instance, get_image_model()):
        return image_tags(instance)
    dropped = getattr(instance, "dropped_cache_tags", None)
    if dropped is None:
        return set()
    return dropped() | referrers_tags(instance)


# --- the CDN ---------------------------------------------------------------------------


def pages_for(tags):
    """The live pages whose views carry any of `tags` (for the CDN purge)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    if "site" in tags:
        return Page.objects.live()
    by_scope = {}
    for tag in tags:
        scope, _sep, key = tag.partition(":")
        by_scope.setdefault(scope, set()).add(key)
    query = Q(translation_key__in=by_scope.pop("page", ()))
    editions = edition_model().objects
    for edition in editions.filter(translation_key__in=by_scope.pop("edition", ())):
        query |= Q(path__startswith=edition.path)
        # The home page features the current edition.
        query |= Q(depth=HOME_DEPTH, path=edition.path[: HOME_DEPTH * Page.steplen])
    listing = ContentType.objects.get_for_models(*page_models("shows_sessions")).values()
    for edition in editions.filter(translation_key__in=by_scope.pop("sessions", ())):
        query |= Q(path__startswith=edition.path, content_type__in=listing)
    # Other scopes (a person's page): the page models that carry them say where they are.
    for scope, keys in by_scope.items():
        for model in page_models("carries_cache_scope", scope):
            query |= model.pages_carrying(keys)
    return Page.objects.live().filter(query)


_pending_purge = threading.local()


def purge_cdn(tags):
    from django.db import transaction

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    pending = getattr(_pending_purge, "tags", None)
    if pending is not None:
        pending.update(tags)
        return

    def purge():
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        batch = PurgeBatch()
        batch.add_pages(pages_for(tags).specific())
        batch.purge()

    transaction.on_commit(purge)


def changed(tags):
    if not tags:
        return
    invalidate(tags)
    purge_cdn(tags)


@contextmanager
def deferred():
    """What the changes inside drop is dropped once, on leaving: the page cache's marks and
    the CDN purge of every page they show (an import publishes hundreds of objects, most of
    them dropping the same tags)."""
    with invalidation_deferred():
        if getattr(_pending_purge, "tags", None) is not None:
            yield  # an outer block purges
            return
        _pending_purge.tags = set()
        try:
            yield
        finally:
            tags, _pending_purge.tags = _pending_purge.tags, None
            if tags:
                purge_cdn(tags)


# --- receivers -------------------------------------------------------------------------


def on_page_published(sender, instance, **kwargs):
    # What hides pages (home/visibility.py) may change with any page's live state.
    changed(page_tags(instance) | {VISIBILITY_TAG})


def on_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    tags = page_tags(instance)
    # Where it was: the lists it left.
    before = edition_keys([parent_page_before.path])
    changed(tags | edition_tags(before, "sessions") | edition_tags(before) | {VISIBILITY_TAG})


def on_page_deleted(sender, instance, **kwargs):
    if instance.live:
        changed(page_tags(instance))


def on_deleted(sender, instance, **kwargs):
    changed(object_tags(instance))


def on_saved(sender, instance, created=False, **kwargs):
    # Nothing shows what did not exist yet; a new view restriction hides its page.
    if not created or isinstance(instance, PageViewRestriction):
        changed(object_tags(instance))


def dropping_models():
    """The models whose changes drop something: those that declare what
    (``dropped_cache_tags``: snippets, settings), images and view restrictions."""
    from django.apps import apps

    declared = [
        model
        for model in apps.get_models()
        if hasattr(model, "dropped_cache_tags") and not issubclass(model, Page)
    ]
    return [PageViewRestriction, get_image_model(), *declared]


def connect():
    """The receivers, each for the senders it concerns (HomeConfig.ready)."""
    from django.apps import apps

    page_published.connect(on_page_published, dispatch_uid="invalidation.published")
    page_unpublished.connect(on_page_published, dispatch_uid="invalidation.unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="invalidation.moved")
    for model in apps.get_models():
        if issubclass(model, Page):
            pre_delete.connect(
                on_page_deleted,
                sender=model,
                dispatch_uid=f"invalidation.page_deleted.{model._meta.label}",
            )
    for model in dropping_models():
        label = model._meta.label
        post_save.connect(on_saved, sender=model, dispatch_uid=f"invalidation.saved.{label}")
        pre_delete.connect(on_deleted, sender=model, dispatch_uid=f"invalidation.deleted.{label}")
