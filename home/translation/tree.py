"""The tree follows the French: what editors do to the shape of the French tree (move, delete)
happens to the page's English and Spanish pages too, translations and aliases alike, from
every door (the admin's move and delete views, their bulk actions, Page.move, Page.delete);
and every page answers at one address per language.

Wagtail's own admin views move and delete translations only when a
`construct_translated_pages_to_cascade_actions` hook lists them, and only when they sit below
the translation of the French page's old parent; Page.move, Page.delete and the bulk actions
never do. wagtail-localize's synchronised trees create aliases of new pages and nothing else.
So the rule is held here, on Wagtail's page signals (`post_page_move`, and `pre_delete` of the
page row), which every door sends.
"""

import logging
from typing import NamedTuple

from django.db import transaction

from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from home.caching.invalidation import changed
from home.roles import HOME_DEPTH, ROOT_DEPTH

from .facts import source_locale

logger = logging.getLogger(__name__)


def leads(page):
    """A French page (not an alias): its translations and aliases follow it."""
    source = source_locale()
    return source is not None and page.locale_id == source.pk and not page.alias_of_id


def followers(page):
    """The pages of `page` in the other languages: translations and aliases."""
    return (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .order_by("locale__language_code")
    )


def parent_in(locale_id, source_parent):
    """The page of `source_parent` in that language, created as an alias of the French one
    (and of its parents) when the language has none: every language has a page for each
    French page (home/translation/publishing.py), so the follower has a parent to go to."""
    found = Page.objects.filter(
        translation_key=source_parent.translation_key, locale_id=locale_id
    ).first()
    if found is not None:
        return found
    from wagtail.models import Locale

    return source_parent.copy_for_translation(
        Locale.objects.get(pk=locale_id), copy_parents=True, alias=True
    )


def follow(page, source_parent, user=None):
    """Put `page` (a translation or an alias) below `source_parent`'s page in its language,
    last, as Wagtail's move view places a moved page. Its slug stays the translator's unless
    a sibling there already answers at it: then it gets the next free one (as
    wagtail-localize does when it creates a translation), so that each page keeps one
    address of its own."""
    if source_parent.depth < HOME_DEPTH:
        return  # a language's home page stays at the root
    parent = parent_in(page.locale_id, source_parent)
    page = Page.objects.get(pk=page.pk)
    if page.path[: -Page.steplen] == parent.path:
        return
    free = find_available_slug(parent, page.slug, ignore_page_id=page.pk)
    if free != page.slug:
        page.slug = free
        page.save(clean=False, update_fields=["slug", "url_path"])
    MovePageAction(page, parent, pos="last-child", user=user).execute(skip_permission_checks=True)


def on_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if parent_page_before.pk == parent_page_after.pk or not leads(instance):
        return  # a reordering among siblings, or a page that follows another
    with transaction.atomic():
        for page in followers(instance):
            follow(page, parent_page_after)


def on_page_deleting(sender, instance, **kwargs):
    """A French page is being deleted (with its French descendants, each of which comes
    here too): its pages in the other languages go with it, instead of staying behind as
    ordinary pages with no French source (an alias would lose its `alias_of`)."""
    if not leads(instance):
        return
    for page in followers(instance):
        still = Page.objects.filter(pk=page.pk).first()
        if still is not None:
            DeletePageAction(still.specific, user=None).execute(skip_permission_checks=True)


# --- the repair of what was left before this rule (after `migrate`) ----------------------


def place_followers(source):
    """Every translation and alias below the page of its French page's parent (pages moved
    in French before the tree followed). Returns how many were moved."""
    rows = list(Page.objects.values_list("path", "translation_key", "locale_id", "alias_of_id"))
    key_at = {path: key for path, key, _locale, _alias in rows}
    french_parent = {
        key: key_at.get(path[: -Page.steplen])
        for path, key, locale, alias in rows
        if locale == source.pk and alias is None and len(path) > 2 * Page.steplen
    }
    moved = 0
    for path, key, locale, _alias in rows:
        wanted = french_parent.get(key)
        if locale == source.pk or wanted is None or key_at.get(path[: -Page.steplen]) == wanted:
            continue
        page = Page.objects.filter(translation_key=key, locale_id=locale).first()
        french = Page.objects.get(translation_key=key, locale=source, alias_of__isnull=True)
        follow(page, french.get_parent())
        moved += 1
    return moved


def was_a_follower(page, source):
    """A page with no French page that once followed one: a translation made from a French
    source (wagtail-localize kept the source), or an alias left an ordinary page when its
    French page went (aliases have no revisions of their own)."""
    from wagtail_localize.models import TranslationSource

    if TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=source.pk
    ).exists():
        return True
    return not page.revisions.exists()


def remove_orphans(source):
    """The pages in other languages whose French page was deleted before deletions followed
    (they stayed behind as ordinary pages a translator could publish with no French source)
    are deleted with their descendants. A page that has no French page and never had one
    (created in that language by an administrator) is kept and logged: nothing proves it is
    a leftover. Returns how many were deleted."""
    french_keys = Page.objects.filter(locale=source).values("translation_key")
    orphans = (
        Page.objects.filter(depth__gt=ROOT_DEPTH)
        .exclude(locale=source)
        .exclude(translation_key__in=french_keys)
        .order_by("path")
    )
    removed = 0
    for orphan in orphans:
        if not Page.objects.filter(pk=orphan.pk).exists():
            continue  # gone with an orphan above it
        if was_a_follower(orphan, source):
            DeletePageAction(orphan.specific, user=None).execute(skip_permission_checks=True)
            removed += 1
        else:
            logger.warning("Page %s (%s) has no French source; kept", orphan.pk, orphan.url_path)
    return removed


def fix_addresses():
    """Every page's url_path is its parent's plus its slug (Wagtail's rule). A page whose
    url_path says otherwise answers at two addresses: its url_path, and its slug below its
    parent (Wagtail's route walks slugs). Returns how many were rewritten."""
    expected = {}
    fixed = 0
    for pk, path, slug, url_path in Page.objects.order_by("path").values_list(
        "pk", "path", "slug", "url_path"
    ):
        if len(path) == Page.steplen:
            right = "/"
        elif (parent := expected.get(path[: -Page.steplen])) is not None:
            right = f"{parent}{slug}/"
        else:
            right = url_path  # no parent row: not ours to guess
        expected[path] = right
        if url_path != right:
            Page.objects.filter(pk=pk).update(url_path=right)
            fixed += 1
    return fixed


class Repaired(NamedTuple):
    moved: int
    removed: int
    fixed: int


def repair_trees(sender=None, **kwargs):
    """After `migrate` (connected before sync_trees, which then gives every French page a
    page in every language): the trees made before they followed the French are put right.
    Idempotent, and a few queries when there is nothing to repair. Returns the counts."""
    if sender is not None and sender.name != "home":
        return
    source = source_locale()
    if source is None:
        return
    with transaction.atomic():
        moved = place_followers(source)
        removed = remove_orphans(source)
        fixed = fix_addresses()
    if moved or removed or fixed:
        changed({"site"})
        logger.info(
            "Trees repaired: %s pages moved, %s orphans deleted, %s addresses fixed",
            moved,
            removed,
            fixed,
        )
    return Repaired(moved, removed, fixed)


def connect():
    from django.db.models.signals import pre_delete

    from wagtail.signals import post_page_move

    post_page_move.connect(on_page_moved, dispatch_uid="tree_follows_french_move")
    # The page row itself (every deleted page has one, whatever its type): one call a page.
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid="tree_follows_french_delete")
