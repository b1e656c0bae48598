from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from .forms import ParentAwarePageForm
from .languages import alternates, chrome_pages, language_links
from .permissions import RolePagePermissionTester
from .translation import (  # noqa: F401 (TranslationStatus: the model is registered here)
    TranslationStatus,
    take_source_facts,
    translated_keys,
)


def without_restricted(queryset):
    """Drop pages that carry a view restriction of their own, in the same SQL query.

    For listings below the page being served: restrictions on its ancestors were already
    enforced by Wagtail's serve, so only the listed pages' own restrictions remain
    (unlike `.public()`, which costs a query of its own).
    """
    return queryset.exclude(pk__in=PageViewRestriction.objects.values("page_id"))


class BasePage(Page):
    """Every public page: knows the edition it belongs to, if any, for the page chrome."""

    base_form_class = ParentAwarePageForm
    # The query parameters that change what the page shows; the page cache keeps a view per
    # value it honours (request.page_cache_query) and ignores every other parameter.
    cache_query_params = ()

    class Meta:
        abstract = True

    # What is not words, taken from the French source in every language (home/translation.py).
    fact_fields = ()
    fact_relations = {}
    overridable_facts = ()

    def full_clean(self, *args, **kwargs):
        # A translation's facts are its source's, whoever saves it and however.
        take_source_facts(self)
        return super().full_clean(*args, **kwargs)

    def publish(self, *args, **kwargs):
        # The facts reach every language in the same transaction as the publication.
        with transaction.atomic():
            return super().publish(*args, **kwargs)

    def serve_preview(self, request, mode_name):
        take_source_facts(self)
        return super().serve_preview(request, mode_name)

    def shows_source_words(self):
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
        """Wagtail's page permissions, narrowed for translators (home/permissions.py)."""
        return RolePagePermissionTester(user, self)

    @property
    def parent_for_validation(self):
        """The parent page, also while the page is being created in the admin."""
        if self.path:
            return self.get_parent()
        return getattr(self, "_parent_for_validation", None)

    @cached_property
    def edition(self):
        from editions.models import EditionPage

        if isinstance(self, EditionPage):
            return self
        # While the page is being created, look from the parent it will have.
        anchor = self if self.path else self.parent_for_validation
        if anchor is None:
            return None
        return (
            EditionPage.objects.ancestor_of(anchor, inclusive=True).select_related("venue").first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page cache stores this view under the page's tags (see cms.page_cache).
        request.page_cache_page = self
        edition = self.edition
        context["edition"] = edition
        nav, translations, footer_partners, breadcrumb = self.chrome(request, edition)
        if edition is not None:
            context["page_time_zone"] = edition.time_zone
            context["edition_nav"] = nav
            context["footer_partners"] = footer_partners
            context["current_edition"] = edition.current_among_siblings()
        context["breadcrumb_pages"] = breadcrumb
        # A page that still has the French words says so, and marks them lang="fr".
        own = translations.get(self.locale.language_code)
        source_words = own is not None and not own.own_words
        if source_words:
            context["content_language"] = settings.LANGUAGE_CODE
        # A sub-route (a speaker's page below the speakers page) keeps its suffix in the
        # other languages: the person's slug is the same in every language.
        own_url = self.get_url(request) or ""
        suffix = (
            request.path[len(own_url) :] if own_url and request.path.startswith(own_url) else ""
        )
        context["canonical_url"] = request.build_absolute_uri(own_url + suffix) if own_url else ""
        source = translations.get(settings.LANGUAGE_CODE)
        if source_words and source is not None:
            # Its words are the French page's: that one is the page search engines index.
            context["canonical_url"] = request.build_absolute_uri(source.get_url(request) + suffix)
        context["share_description"] = self.search_description or self.share_summary()
        context["language_links"] = language_links(request, self, translations, suffix)
        context["alternate_links"] = alternates(request, translations, suffix)
        return context

    def chrome(self, request, edition):
        """(navigation, live translations, footer partners, breadcrumb): shared by every
        view of the page through the cache, dropped when the page, its edition or its
        ancestors change; made afresh for a preview (it may show unsaved partners)."""
        from cms import page_cache

        def compute():
            nav, translations = chrome_pages(self, edition, without_restricted)
            footer = edition.footer_partners() if edition is not None else []
            breadcrumb = self.breadcrumb_pages()
            tags = self.page_and_edition_tags(edition)
            tags |= {f"page:{page.translation_key}" for page in breadcrumb}
            return (nav, translations, footer, breadcrumb), tags

        if getattr(request, "is_preview", False) or not self.pk:
            return compute()[0]
        nav, translations, footer, breadcrumb = page_cache.remember(f"chrome:{self.pk}", compute)
        own = next((row for row in translations.values() if row.pk == self.pk), None)
        if own is not None:
            self.locale = own.locale  # loaded with the row: no query for the page's own locale
        return nav, translations, footer, breadcrumb

    # --- whole-page cache (cms.page_cache) -------------------------------------------------

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

    def cache_lifetime(self, now):
        """Seconds a view may be kept: until the next instant the page changes by itself."""
        from editions.current import parent_path, summaries
        from editions.models import RegistrationState

        lifetime = settings.PAGE_CACHE_SECONDS
        instants = []
        for edition in self.cache_editions():
            # Which edition is current (the notice on the others) follows the siblings' dates.
            siblings, _pinned = summaries(parent_path(edition))
            instants += [when for e in siblings for when in (e.start, e.end)]
            instants += [edition.start, edition.end, edition.registration_closes_at]
            instants.append(edition.registration_opens)
            if edition.uses_pretix and edition.registration_state(now) == RegistrationState.OPEN:
                # Availability is read from the provider at most this often.
                lifetime = min(lifetime, settings.REGISTRATION_AVAILABILITY_TTL)
        upcoming = [(when - now).total_seconds() for when in instants if when and when > now]
        if upcoming:
            lifetime = min(lifetime, int(min(upcoming)) + 1)
        return lifetime

    # The fields whose words are also indexed without accents (see search_text).
    search_text_fields = ("title", "introduction")

    def search_text(self):
        from search.text import unaccent

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
        if self.depth <= 2:
            return []
        if edition is not None and self.depth <= edition.depth + 1:
            return [] if edition.pk == self.pk else [edition]
        return list(self.get_ancestors().filter(depth__gt=2))


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
        from editions.models import EditionPage

        return (
            EditionPage.objects.live()
            .public()
            .child_of(self)
            .select_related("venue")
            .order_by("-start")
        )

    def current_edition(self, editions=None, now=None):
        """The pinned edition, else the next one that has not ended, else the latest one."""
        from editions.models import EditionPage

        editions = list(self.editions()) if editions is None else editions
        pinned = (
            self.pinned_edition.get_translation_or_none(self.locale)
            if self.pinned_edition
            else None
        )
        return EditionPage.pick_current(editions, pinned=pinned, now=now)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = list(self.editions())
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
        prefixes = [
            self.url_path + "/".join(path_components[:n]) + "/"
            for n in range(len(path_components), 0, -1)
        ]
        found = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .order_by("-depth")
            .first()
        )
        if found is None:
            raise Http404
        return found.specific.route(request, path_components[found.depth - self.depth :])

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


def tel_href(number):
    """'+33(0)1 53 41 81 81' -> 'tel:+33153418181' (drops the national trunk prefix)."""
    number = (number or "").replace("(0)", "")
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


def validate_phone(value):
    allowed = set("+0123456789 ().-/")
    digits = [ch for ch in value if ch.isdigit()]
    if any(ch not in allowed for ch in value) or not 6 <= len(digits) <= 17:
        raise ValidationError(
            _("Enter a phone number with digits only, for example +33 (0)1 53 41 81 81."),
            code="invalid_phone",
        )


class SocialPlatform(models.TextChoices):
    X = "x", "X (Twitter)"
    LINKEDIN = "linkedin", "LinkedIn"
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"
    WEBSITE = "website", _("Website")


class SocialLinkValue(blocks.StructValue):
    @property
    def platform_label(self):
        return SocialPlatform(self["platform"]).label


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(label=_("Platform"), choices=SocialPlatform.choices)
    url = blocks.URLBlock(label=_("Address"))
    handle = blocks.CharBlock(
        label=_("Account name"), required=False, help_text=_("For example @CitesUniesFR.")
    )

    class Meta:
        icon = "link-external"
        label = _("Social account")
        value_class = SocialLinkValue


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Cités Unies France"
    )
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("legal notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_links = StreamField(
        [("account", SocialLinkBlock())], verbose_name=_("social accounts"), blank=True
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Organisation"),
        ),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Legal pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def phone_href(self):
        return tel_href(self.phone)
