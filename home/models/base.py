"""BasePage: what every public page has (its edition, the page chrome, the page cache's tags
and lifetime, facts taken from the French source)."""

from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.locks import ScheduledForPublishLock
from wagtail.models import DraftStateMixin, Page

from home import visibility
from home.admin.permissions import RolePagePermissionTester
from home.caching.fragments import Kept, fragment
from home.caching.invalidation import pages_tags, tree_tags
from home.caching.page_cache import keep_for_visitors, kept_for_visitors
from home.forms import ParentAwarePageForm, drop_repeated_rows
from home.languages import alternates, chrome_pages, language_links
from home.roles import HOME_DEPTH, edition_model
from home.text import unaccent
from home.translation import (
    FromFacts,
    create_missing_aliases,
    take_source_facts,
    translated_keys,
)

from .snippets import hide_drafts


def own_routes(page):
    """The first address parts a routable page keeps for its own views (« maintenant »,
    « ecrans », « calendar.ics »), from its declared routes; routes with a variable first
    part (a speaker's slug) keep none."""
    if not hasattr(page, "get_subpage_urls"):
        return set()
    taken = set()
    for route in page.get_subpage_urls():
        first = str(route.pattern).lstrip("^").split("/", 1)[0]
        if first and not any(sign in first for sign in "<([\\$"):
            taken.add(first)
    return taken


def route_clash(page):
    """The French message when `page`'s slug is an address its parent keeps for one of its
    own views (a session called « maintenant » would hide the programme's now and next)."""
    parent = page.parent_for_validation
    if parent is None or not page.slug:
        return None
    parent = parent.specific_deferred if type(parent) is Page else parent
    if page.slug not in own_routes(parent):
        return None
    return ValidationError(
        _(
            "The address « %(slug)s » is taken by one of the page « %(parent)s »'s own "
            "views: choose another slug."
        ),
        code="route_taken",
        params={"slug": page.slug, "parent": parent.title},
    )


class Chrome(NamedTuple):
    nav: list  # the edition's navigation
    translations: dict  # language code -> the live page in that language
    breadcrumb: list


def kept_as_page_view(response, page):
    """The response of a view of `page`, kept for visitors as a view of the page (its tags,
    its lifetime: home.caching.page_cache) unless the view said more of its own."""
    if kept_for_visitors(response) is None:
        keep_for_visitors(response, page)
    return response


class BasePage(Page):
    """Every public page: knows the edition it belongs to, if any, for the page chrome."""

    base_form_class = ParentAwarePageForm
    # The query parameters that change what the page shows; the page cache keeps a view per
    # value the view says it honoured (keep_for_visitors's `query`) and ignores every other.
    cache_query_params = ()

    class Meta:
        abstract = True

    # What is not words, taken from the French source in every language (home/translation/).
    fact_fields = ()
    fact_relations = {}
    overridable_facts = ()
    # wagtail-localize's declaration, derived from the facts.
    override_translatable_fields = FromFacts()

    def get_lock(self):
        """A scheduled publication does not lock the page (Wagtail's ScheduledForPublishLock
        would, until go-live): editors keep working on a programme whose release is
        scheduled; a new draft waits for its own publication, and the scheduled revision
        still goes live at its time (sessions/release.py). Other locks stay."""
        lock = super().get_lock()
        if isinstance(lock, ScheduledForPublishLock):
            return super(DraftStateMixin, self).get_lock()
        return lock

    def full_clean(self, *args, **kwargs):
        # A translation's facts are its source's, whoever saves it and however.
        take_source_facts(self)
        errors = {}
        try:
            super().full_clean(*args, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        clash = route_clash(self)
        if clash:
            errors.setdefault("slug", []).append(clash)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        drop_repeated_rows(self)
        if not self.live and kwargs.get("clean", True) and kwargs.get("update_fields") is None:
            # Wagtail validates only a draft's title and slug (Page.save): its facts are the
            # source's all the same, in its row as in its revisions.
            take_source_facts(self)
        return super().save(*args, **kwargs)

    def publish(self, *args, **kwargs):
        # The facts reach every language in the same transaction as the publication.
        with transaction.atomic():
            return super().publish(*args, **kwargs)

    def update_aliases(self, *, revision=None, _content=None, _updated_ids=None, **kwargs):
        """Wagtail's update of the aliases that follow this page, then (for a live French page)
        an alias in every language that has no page for it yet. Made after the update, not
        before it: an alias made from the content just published needs no update, and
        updating it again rewrote its every row (half of an import's time)."""
        super().update_aliases(
            revision=revision, _content=_content, _updated_ids=_updated_ids, **kwargs
        )
        if _updated_ids is None and self.live and not self.alias_of_id:
            create_missing_aliases(self, revision=revision)

    def serve(self, request, *args, **kwargs):
        return kept_as_page_view(super().serve(request, *args, **kwargs), self)

    def serve_preview(self, request, mode_name):
        take_source_facts(self)
        return super().serve_preview(request, mode_name)

    def shows_french_words(self):
        """True when this page, in another language than the source, still has the French
        words: an alias, or a translation no translator has published yet."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return False
        if self.alias_of_id:
            return True
        return self.translation_key not in translated_keys(
            Page, [self.translation_key], self.locale
        )

    def permissions_for_user(self, user):
        """Wagtail's page permissions, narrowed for translators (home/admin/permissions.py)."""
        return RolePagePermissionTester(user, self)

    @property
    def parent_for_validation(self):
        """The parent page, also while the page is being created in the admin."""
        if self.path:
            return self.get_parent()
        return getattr(self, "_parent_for_validation", None)

    def get_view_restrictions(self):
        """The restrictions on this page, its ancestors and their French sources
        (home/visibility.py): those found with the page when it comes from the route cache
        (home.caching.routing, dropped when any of them changes)."""
        kept = getattr(self, "kept_view_restrictions", None)
        return kept if kept is not None else visibility.restrictions_for(self)

    # The role the page plays for the base (home/roles.py): "edition" for an edition.
    page_role = None

    def know_edition(self, edition):
        """Give the page its edition, known to the caller (a listing, the edition's own
        parts): ``edition`` then costs no query."""
        self.__dict__["edition"] = edition

    @cached_property
    def edition(self):
        if self.page_role == "edition":
            return self
        # While the page is being created, look from the parent it will have.
        anchor = self if self.path else self.parent_for_validation
        if anchor is None:
            return None
        edition = (
            edition_model()
            .objects.ancestor_of(anchor, inclusive=True)
            .select_related("venue", "key_visual")  # the banner's facts and visual
            .first()
        )
        # A venue a moderator has not published is not shown (a copy of the edition's row,
        # never saved: the edition page's own form is `self` above).
        hide_drafts([edition])
        return edition

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        edition = self.edition
        context["edition"] = edition
        nav, translations, breadcrumb = self.chrome(request, edition)
        if edition is not None:
            context["page_time_zone"] = edition.time_zone
            context["edition_nav"] = nav
            context["current_edition"] = edition.current_among_siblings()
        context["breadcrumb_pages"] = breadcrumb
        # A page that still has the French words says so, and marks them lang="fr".
        own = translations.get(self.locale.language_code)
        shows_french_words = own is not None and own.shows_french_words
        context["shows_french_words"] = shows_french_words
        # A sub-route (a speaker's page below the speakers page) keeps its suffix in the
        # other languages: the person's slug is the same in every language.
        own_url = self.get_url(request) or ""
        suffix = (
            request.path[len(own_url) :] if own_url and request.path.startswith(own_url) else ""
        )
        context["canonical_url"] = request.build_absolute_uri(own_url + suffix) if own_url else ""
        source = translations.get(settings.LANGUAGE_CODE)
        if shows_french_words and source is not None:
            # Its words are the French page's: that one is the page search engines index.
            context["canonical_url"] = request.build_absolute_uri(source.get_url(request) + suffix)
        context["share_description"] = self.search_description or self.share_summary()
        context["language_links"] = language_links(request, self, translations, suffix)
        context["alternate_links"] = alternates(request, translations, suffix)
        return context

    def chrome(self, request, edition):
        """The navigation, live translations and breadcrumb: shared by every view of the page
        through the cache, dropped when the page, its edition or its ancestors change; made
        afresh for a preview. The footer is kept on its own (the ``site_footer`` tag)."""

        def compute():
            nav, translations = chrome_pages(self, edition)
            breadcrumb = self.breadcrumb_pages()
            tags = self.page_and_edition_tags(edition)
            tags |= {f"page:{page.translation_key}" for page in breadcrumb}
            return Kept(Chrome(nav, translations, breadcrumb), tags)

        if getattr(request, "is_preview", False) or not self.pk:
            return compute().value
        nav, translations, breadcrumb = fragment(f"chrome:{self.pk}", compute)
        own = next((row for row in translations.values() if row.pk == self.pk), None)
        if own is not None:
            self.locale = own.locale  # loaded with the row: no query for the page's own locale
        return Chrome(nav, translations, breadcrumb)

    # --- whole-page cache (home.caching.page_cache) -------------------------------------------------

    # Pages listing the sessions of their edition (and so their speakers, rooms, partners).
    shows_sessions = False

    def page_and_edition_tags(self, edition):
        """The site, this page in every language and, with `edition`, everything on all of
        its pages (banner, navigation, footer partners)."""
        tags = {"site", f"page:{self.translation_key}"}
        if edition is not None:
            tags.add(f"edition:{edition.translation_key}")
        return tags

    def cache_tags(self):
        """What this page shows, as the tags its cached views are dropped by."""
        edition = self.edition
        tags = self.page_and_edition_tags(edition)
        if edition is not None and self.shows_sessions:
            tags.add(f"sessions:{edition.translation_key}")
        return tags

    def cache_editions(self):
        """The editions whose clock this page's content follows."""
        return [self.edition] if self.edition is not None else []

    def dropped_cache_tags(self):
        """What a change of this page (published, unpublished, moved, deleted, restricted)
        drops: by default, what its place in the tree says (home/caching/invalidation.py)."""
        return tree_tags(self)

    @classmethod
    def dropped_by_reference(cls, pages, field_name):
        """What a change of an object these pages point to (by `field_name`) drops."""
        return pages_tags(pages)

    def cache_lifetime(self, now):
        """Seconds a view may be kept: until the next instant the page changes by itself
        (each edition says when its own content and its registration change)."""
        lifetime = settings.PAGE_CACHE_SECONDS
        instants = []
        for edition in self.cache_editions():
            found = edition.cache_instants(now)
            instants += found.instants
            lifetime = min(lifetime, found.lifetime)
        upcoming = [(when - now).total_seconds() for when in instants if when and when > now]
        if upcoming:
            lifetime = min(lifetime, int(min(upcoming)) + 1)
        return lifetime

    # The fields whose words are also indexed without accents (see search_text).
    search_text_fields = ("title", "introduction")

    def search_text(self):
        return unaccent(
            " ".join(
                strip_tags(str(getattr(self, name, "") or "")) for name in self.search_text_fields
            )
        )

    def share_summary(self):
        """What link previews and search engines show when the editor wrote no description."""
        text = strip_tags(str(getattr(self, "introduction", "") or ""))
        return Truncator(" ".join(text.split())).chars(300)

    def breadcrumb_pages(self):
        """The ancestors below the home page; no query when the edition is the parent."""
        edition = self.edition
        if self.depth <= HOME_DEPTH:
            return []
        if edition is not None and self.depth <= edition.depth + 1:
            return [] if edition.pk == self.pk else [edition]
        return list(self.get_ancestors().filter(depth__gt=2))


class RoutableBasePageMixin(RoutablePageMixin):
    """Wagtail's routable page, for a BasePage with sub-URLs (its exports, a speaker's page,
    now and next): each view is kept for visitors as a view of the page unless it says more.
    Wagtail's ``RoutablePageMixin.serve`` calls the route's view without reaching
    ``BasePage.serve``, hence its own ``serve`` here."""

    def serve(self, request, view=None, args=None, kwargs=None):
        return kept_as_page_view(super().serve(request, view, args, kwargs), self)
