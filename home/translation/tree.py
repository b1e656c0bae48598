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

from django.db import transaction

from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

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
    if source_parent.depth < 2:
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


def connect():
    from django.db.models.signals import pre_delete

    from wagtail.signals import post_page_move

    post_page_move.connect(on_page_moved, dispatch_uid="tree_follows_french_move")
    # The page row itself (every deleted page has one, whatever its type): one call a page.
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid="tree_follows_french_delete")
