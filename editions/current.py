"""Which edition is current: the one rule, used by the home page (the featured edition), the
notice on every page of another edition and the editors' dashboard.

The editions beside one another (the children of a language's home page) change only when
an editor saves, publishes, moves or deletes one, so their few facts are cached per parent
and dropped on those events; which of them is current is decided at request time from the
clock, without a database query on the pages that show the notice.

This module takes the edition model from the pages it is given (``type(edition)``) so that
editions/models can use it without an import cycle.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from home import visibility
from home.models import HomePage
from home.roles import ROOT_DEPTH, page_models

TIMEOUT = 24 * 3600


def pick_current(editions, pinned=None, now=None):
    """The pinned edition, else the next one that has not ended, else the latest one."""
    if pinned is not None and pinned.live:
        return pinned
    if not editions:
        return None
    now = now or timezone.now()
    upcoming = [e for e in editions if e.end > now]
    if upcoming:
        return min(upcoming, key=lambda e: e.start)
    return max(editions, key=lambda e: e.start)


def site_current_edition(now=None):
    """The current edition in the source language, as the default site's home page
    features it (the editors' dashboard)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    home = (root.get_translation_or_none(Locale.get_default()) or root).specific
    return home.current_edition(now=now) if isinstance(home, HomePage) else None


def editors_edition(now=None):
    """The edition the editors work on: the next one being prepared (even unpublished, as
    a new edition copied from the last one is) when it comes after the site's current one;
    else the current one."""
    current = site_current_edition(now=now)
    if current is None:
        return None
    now = now or timezone.now()
    upcoming = (
        type(current)
        .objects.child_of(current.get_parent())
        .filter(locale=current.locale, end__gt=now, start__gt=current.start)
        .order_by("start")
        .first()
    )
    return upcoming or current


@dataclass(frozen=True)
class EditionSummary:
    pk: int
    title: str
    year: int
    url: str
    start: object
    end: object
    live: bool = True

    @property
    def has_ended(self):
        """The site's edition is over too: it is the latest, no longer the current one."""
        return self.end <= timezone.now()


def cache_key(parent_path):
    return f"editions:children-of:{parent_path}"


def parent_path(page):
    return page.path[: -page.steplen]


class Summaries(NamedTuple):
    editions: list  # EditionSummary of every edition the public may see
    pinned: object  # the EditionSummary the home page pins, or None


def summaries(model, parent_path_value):
    """The editions and the pinned one of the home page at `parent_path_value`, cached; `model` is the
    edition page model."""
    key = cache_key(parent_path_value)
    found = cache.get(key)
    if found is None:
        found = compute(model, parent_path_value)
        cache.set(key, found, TIMEOUT)
    return found


def compute(model, parent_path_value):
    parent = Page.objects.filter(path=parent_path_value).specific().first()
    if parent is None:
        return Summaries([], None)
    editions = [
        EditionSummary(pk=e.pk, title=e.title, year=e.year, url=e.url, start=e.start, end=e.end)
        for e in visibility.visible(model.objects.child_of(parent), within=parent)
    ]
    pinned_edition = getattr(parent, "pinned_edition", None)
    localized = pinned_edition.get_translation_or_none(parent.locale) if pinned_edition else None
    pinned_pk = localized.pk if localized else None
    pinned = next((e for e in editions if e.pk == pinned_pk), None)
    return Summaries(editions, pinned)


def current_edition_for(edition, now=None):
    """The site's current edition (as the home page features it) when it is not `edition`."""
    editions, pinned = summaries(type(edition), parent_path(edition))
    found = pick_current(editions, pinned=pinned, now=now)
    return found if found is not None and found.pk != edition.pk else None


def forget(path):
    cache.delete(cache_key(path))


def forget_on_page_change(sender, instance, **kwargs):
    if getattr(instance, "page_role", None) == "edition" and instance.path:
        forget(parent_path(instance))
    elif isinstance(instance, HomePage) and instance.path:
        forget(instance.path)
    elif isinstance(instance, PageViewRestriction):
        page = Page.objects.filter(pk=instance.page_id).only("path", "depth").first()
        if page is not None:
            forget(page.path)
            if page.depth > ROOT_DEPTH:
                forget(parent_path(page))


def forget_on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    forget(parent_page_before.path)
    forget(parent_page_after.path)


def connect():
    """The receivers, for what the editions beside one another depend on (EditionsConfig.ready):
    an edition, a home page (its pinned edition) and a view restriction saved or deleted, an
    edition or a home page moved. The senders are the specific classes, as Wagtail sends them."""
    from django.apps import apps

    pages = {
        *page_models("page_role", "edition"),
        *(model for model in apps.get_models() if issubclass(model, HomePage)),
    }
    for model in (*sorted(pages, key=lambda m: m._meta.label), PageViewRestriction):
        label = model._meta.label
        post_save.connect(
            forget_on_page_change, sender=model, dispatch_uid=f"current.saved.{label}"
        )
        post_delete.connect(
            forget_on_page_change, sender=model, dispatch_uid=f"current.deleted.{label}"
        )
    for model in pages:
        post_page_move.connect(
            forget_on_move, sender=model, dispatch_uid=f"current.moved.{model._meta.label}"
        )
