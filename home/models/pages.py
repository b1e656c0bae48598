from typing import NamedTuple

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home import visibility
from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.roles import edition_model

from .base import BasePage
from .snippets import hide_drafts


class Located(NamedTuple):
    page: Page  # the deepest page whose address starts the path, specific
    remaining: list  # the rest of the path


class HomePage(BasePage):
    """The site root of a locale: the current edition first, then the archive."""

    template = "pages/home_page.html"

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    pinned_edition = models.ForeignKey(
        "editions.EditionPage",
        verbose_name=_("featured edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Leave empty to feature the next edition that has not ended "
            "(or else the latest one) automatically."
        ),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("pinned_edition"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("search_text"),
    ]

    fact_fields = ("pinned_edition",)

    # One per locale: wagtail-localize creates the translations beside it, so no max_count.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["editions.EditionPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def editions(self):
        return (
            visibility.visible(edition_model().objects.child_of(self), within=self)
            .select_related("venue", "key_visual")  # what its cards show
            .order_by("-start")
        )

    def current_edition(self, editions=None, now=None):
        """The current edition of this language (editions/current.py decides)."""
        editions = list(self.editions()) if editions is None else editions
        pinned = (
            self.pinned_edition.get_translation_or_none(self.locale)
            if self.pinned_edition
            else None
        )
        return edition_model().pick_current(editions, pinned=pinned, now=now)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = hide_drafts(self.editions())  # their cards show live venues only
        current = self.current_edition(editions)
        self.featured_edition = current
        context["current_edition"] = current
        context["archive"] = [e for e in editions if e != current]
        return context

    featured_edition = None

    def route(self, request, path_components):
        """Find the page at the address in one query on url_path (Wagtail walks the tree one
        level, and two queries, at a time); its own route() then decides, as Wagtail's walk
        would: a live page, or a sub-route of a routable page (a speaker's page)."""
        if not path_components:
            return super().route(request, path_components)
        page, remaining = self.locate(path_components)
        return page.route(request, remaining)

    def locate(self, path_components):
        """Where the path leads: the deepest page whose address starts it, and the rest;
        Http404 when no page of this site starts it (home.caching.routing keeps it)."""
        if not path_components:
            return Located(self, [])
        prefixes = [
            self.url_path + "/".join(path_components[:n]) + "/"
            for n in range(len(path_components), 0, -1)
        ]
        # Only a live page takes an address: a draft (a session whose slug is « maintenant »)
        # never hides its parent's own views; nor does a page below an unpublished one answer.
        found = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path, live=True)
            .order_by("-depth")
            .first()
        )
        if found is None or not visibility.route_is_open(found):
            raise Http404
        return Located(found.specific, path_components[found.depth - self.depth :])

    def cache_tags(self):
        tags = super().cache_tags()
        if self.featured_edition is not None:
            tags.add(f"edition:{self.featured_edition.translation_key}")
        return tags

    def cache_editions(self):
        return [self.featured_edition] if self.featured_edition is not None else []


class StandardPage(BasePage):
    """Free content: « Relais de la coop déc' », legal notice, accessibility statement…"""

    template = "pages/standard_page.html"

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("search_text"),
    ]

    parent_page_types = ["home.HomePage", "editions.EditionPage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
