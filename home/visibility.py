"""What the public may see: the one rule every public output asks.

A page is public in a language when it and all its ancestors are live and none of them
carries a view restriction, **the French source's restrictions included**: a password on the
French programme closes the English and Spanish programmes, their aliases, their exports and
every listing that would name their sessions.

- ``restrictions_for(page)``: the restrictions a visitor must pass to see a page (served
  through Wagtail's own check, ``BasePage.get_view_restrictions``): those of the page and its
  ancestors, and those of their French sources.
- ``visible(queryset, within=page)``: the pages of a listing a visitor of `within` may see.
  Restrictions on `within` and its ancestors were already enforced when `within` was served
  (a visitor who typed the programme's password sees its sessions), every other one hides its
  pages; so does a page that is not live, with everything below it.
- ``is_visible(page, within=None)``: the same for one page.
- ``route_is_open(page)``: a page whose ancestors are all live may take an address; a draft
  never hides one of its parent's own views.

What hides pages (the restricted pages and the unpublished pages with children) is found in
one query and kept in the cache under the ``visibility`` tag, which every publication,
withdrawal, move, deletion and restriction marks (home/caching/invalidation.py).

Restrictions set on a French page are also copied to its translations and aliases
(``mirror_restrictions``), so the admin shows them as private there too and Wagtail's own
``.public()`` agrees; the rule above holds even where a copy is missing.
"""

from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from home.caching.fragments import Kept, fragment
from home.caching.invalidation import VISIBILITY_TAG
from home.caching.tags import invalidate
from home.roles import ROOT_DEPTH


class Barrier(NamedTuple):
    path: str
    translation_key: str


class Barriers(NamedTuple):
    """The pages below which (themselves included) nothing is public."""

    restricted: tuple  # pages carrying a restriction, or whose French source does
    unpublished: tuple  # pages that are not live and have pages below them


def source_language():
    return settings.LANGUAGE_CODE


def restricted_pages():
    """The pages that carry a view restriction, or whose French source does."""
    restricted_ids = PageViewRestriction.objects.values("page_id")
    french_keys = Page.objects.filter(
        pk__in=restricted_ids, locale__language_code=source_language()
    ).values("translation_key")
    return Page.objects.filter(Q(pk__in=restricted_ids) | Q(translation_key__in=french_keys))


def outermost(barriers):
    """The barriers not below another one of them (fewer conditions, the same pages)."""
    kept = []
    for barrier in sorted(barriers):
        if not kept or not barrier.path.startswith(kept[-1].path):
            kept.append(barrier)
    return tuple(kept)


def compute_barriers():
    fields = ("path", "translation_key")
    restricted = [Barrier(*row) for row in restricted_pages().values_list(*fields)]
    unpublished = [
        Barrier(*row)
        for row in Page.objects.filter(
            live=False, numchild__gt=0, depth__gt=ROOT_DEPTH
        ).values_list(*fields)
    ]
    # Every restricted page is kept (its other languages are opened by its key below).
    found = Barriers(tuple(sorted(restricted)), outermost(unpublished))
    return Kept(found, {"site", VISIBILITY_TAG})


def barriers():
    return fragment("visibility:barriers", compute_barriers)


def ancestor_paths(path):
    """The paths of the page at `path` and of every page above it."""
    return {path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)}


class Closed(NamedTuple):
    restricted: list  # paths of restricted pages a visitor of `within` has not passed
    unpublished: list  # paths of unpublished pages with pages below them

    def paths(self):
        return [*self.restricted, *self.unpublished]


def closed(within=None):
    """The barrier paths that still hide pages from a visitor of the page `within`.

    Serving `within` enforced the restrictions of its ancestors (in every language: a
    translation asks for its French source's), so those are open, in every language: the
    programme a visitor typed the password of lists its sessions and links its English
    page. An unpublished page above `within` is open only on its own path (a preview)."""
    found = barriers()
    if within is None:
        return Closed([b.path for b in found.restricted], [b.path for b in found.unpublished])
    above = ancestor_paths(within.path)
    opened_keys = {b.translation_key for b in found.restricted if b.path in above}
    return Closed(
        [b.path for b in found.restricted if b.translation_key not in opened_keys],
        [b.path for b in found.unpublished if b.path not in above],
    )


def below_q(paths):
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return query


def hidden_q(within=None):
    """A condition matching the pages hidden from a visitor of `within` by a barrier."""
    return below_q(closed(within).paths())


def visible(queryset, within=None):
    """The live pages of `queryset` that a visitor of the page `within` (None: of no page in
    particular, as the sitemap, search or the offline list) may see."""
    query = hidden_q(within)
    queryset = queryset.filter(live=True)
    return queryset.exclude(query) if query else queryset


def restricted_keys(model, within=None):
    """The translation keys of the pages of `model` that a restriction hides from a visitor
    of `within`, as a subquery (None when nothing is restricted): for what names pages that
    may no longer be live (the change log lists withdrawn sessions)."""
    query = below_q(closed(within).restricted)
    if not query:
        return None
    return model.objects.filter(query).values("translation_key")


def is_visible(page, within=None):
    return bool(page.live) and not any(page.path.startswith(p) for p in closed(within).paths())


def route_is_open(page):
    """A live page below pages that are all live may take its address (restrictions are
    for Wagtail's serve to answer: the password form or the login page). A draft never
    does: its parent's own views (the programme's maintenant/) keep theirs."""
    if not page.live:
        return False
    return not any(page.path.startswith(b.path) for b in barriers().unpublished)


# --- the restrictions a visitor must pass -------------------------------------------------


def signature(restriction):
    return (
        restriction.restriction_type,
        restriction.password,
        tuple(sorted(group.pk for group in restriction.groups.all())),
    )


def restrictions_for(page):
    """The view restrictions on `page`, its ancestors and their French sources, as a
    queryset (Wagtail's privacy view orders it). An alias's own rows are its source's (as in
    Wagtail); a translation's copy of a French restriction counts once, as the French one,
    so that one password opens the page in every language."""
    chain = Page.objects.filter(path__in=ancestor_paths(page.path)).values_list(
        "pk", "alias_of_id", "translation_key"
    )
    own_ids = set()
    keys = set()
    for pk, alias_of_id, key in chain:
        own_ids.add(alias_of_id or pk)
        keys.add(key)
    found = list(
        PageViewRestriction.objects.filter(
            Q(page_id__in=own_ids)
            | Q(page__translation_key__in=keys, page__locale__language_code=source_language())
        )
        .select_related("page__locale")
        .prefetch_related("groups")
    )
    french = {
        signature(r)
        for r in found
        if r.page.locale.language_code == source_language() and r.page.translation_key in keys
    }
    kept = [
        r.pk
        for r in found
        if r.page.locale.language_code == source_language() or signature(r) not in french
    ]
    return PageViewRestriction.objects.filter(pk__in=kept)


# --- restrictions follow the French -----------------------------------------------------


def mirror_restrictions(french_page):
    """Give every translation and alias of `french_page` the same restrictions as it has
    (setting, changing and lifting one alike)."""
    source = list(PageViewRestriction.objects.filter(page=french_page).prefetch_related("groups"))
    others = Page.objects.filter(translation_key=french_page.translation_key).exclude(
        locale_id=french_page.locale_id
    )
    for other in others:
        copy_restrictions(source, other)


def copy_restrictions(source, page):
    """Make the restrictions of `page` those of `source` (a list of restrictions), leaving
    rows that already agree in place (a visitor who passed one keeps it)."""
    wanted = [signature(r) for r in source]
    existing = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
    for restriction in existing:
        current = signature(restriction)
        if current in wanted:
            wanted.remove(current)
        else:
            restriction.delete()
    for restriction_type, password, group_ids in wanted:
        copy = PageViewRestriction.objects.create(
            page=page, restriction_type=restriction_type, password=password
        )
        if group_ids:
            copy.groups.set(group_ids)


def french_source(page):
    if page.locale.language_code == source_language():
        return None
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=source_language()
        )
        .only("pk", "translation_key", "locale_id")
        .first()
    )


# --- receivers (connected by HomeConfig.ready) --------------------------------------------

# Pages being deleted in this process: their restrictions go with them, and their other
# languages' copies are not to be lifted on the way (a translation left behind stays closed).
_deleting = set()


def on_page_pre_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _deleting.add(instance.pk)


def on_page_post_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _deleting.discard(instance.pk)
        invalidate({VISIBILITY_TAG})


def on_restriction_changed(sender, instance, **kwargs):
    """A restriction set, changed or lifted on a French page: the same on every other
    language's page."""
    invalidate({VISIBILITY_TAG})
    if instance.page_id in _deleting:
        return
    page = Page.objects.filter(pk=instance.page_id).select_related("locale").first()
    if page is not None and page.locale.language_code == source_language():
        mirror_restrictions(page)


def on_restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        on_restriction_changed(sender, instance)


def on_page_created(sender, instance, created=False, raw=False, **kwargs):
    """A page added in another language (a translation, an alias) takes its French source's
    restrictions, once Wagtail has finished copying it (it copies some of its own)."""
    if not created or raw or not isinstance(instance, Page):
        return
    invalidate({VISIBILITY_TAG})
    if instance.locale_id is None or not instance.translation_key:
        return
    page_id = instance.pk

    def copy():
        page = Page.objects.filter(pk=page_id).select_related("locale").first()
        if page is None:
            return
        source = french_source(page)
        if source is not None:
            restrictions = PageViewRestriction.objects.filter(page=source).prefetch_related(
                "groups"
            )
            copy_restrictions(list(restrictions), page)

    transaction.on_commit(copy)


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

    post_save.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="visibility.saved"
    )
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="visibility.deleted"
    )
    m2m_changed.connect(
        on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="visibility.groups",
    )
    # Every page model: the senders are the specific classes.
    pre_delete.connect(on_page_pre_delete, dispatch_uid="visibility.page_pre_delete")
    post_delete.connect(on_page_post_delete, dispatch_uid="visibility.page_post_delete")
    post_save.connect(on_page_created, dispatch_uid="visibility.page_created")
