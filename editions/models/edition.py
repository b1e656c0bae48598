import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from editions import current
from editions.blocks import HighlightsBlock
from editions.identity import normalised, validate_accent
from home.admin.widgets import QuarterHourDateTimeInput
from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.caching.invalidation import edition_tags, pages_tags
from home.dates import period_errors
from home.models import BasePage
from home.text import unaccent
from home.translation import FromFacts

from .choices import EditionStatus, hashtag_validator
from .figures import EditionFigures
from .parts import EditionParts
from .registration_state import EditionRegistration
from .timing import EditionTime
from .venue import Venue


def year_taken_message(page, year):
    """Why `year` cannot have a new edition: `page` has it. An abandoned draft (an autosave
    of a first attempt) is named as such, with a link to it in the admin."""
    if page.live:
        return _("An edition already exists for the year %(year)s.") % {"year": year}
    return format_html(
        '{} <a href="{}">{}</a>',
        _(
            "An unpublished draft of the %(year)s edition already exists: publish it, delete "
            "it or choose another year."
        )
        % {"year": year},
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        _("Open the draft « %(title)s »") % {"title": page.title},
    )


def time_zone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EditionPage(EditionTime, EditionParts, BasePage, EditionRegistration, EditionFigures):
    """One edition of the Rencontres; its slug is its year."""

    page_role = "edition"
    # The rule of the current edition (editions/current.py), for the home page.
    pick_current = staticmethod(current.pick_current)

    shows_sessions = True

    template = "pages/edition_page.html"

    number = models.PositiveSmallIntegerField(
        _("edition number"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("16 for the 16th edition. Leave empty when the sources give none."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1990), MaxValueValidator(2200)],
        help_text=_("The edition's address is /<language>/<year>/."),
    )
    event_name = models.CharField(
        _("event's name that year"),
        max_length=255,
        blank=True,
        help_text=_(
            "When the event was not called « Rencontres de l'AICT » that year: shown in the "
            "header, the browser's title and search engines' data of the edition's pages."
        ),
    )
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    dates_only = models.BooleanField(
        _("dates only"),
        default=False,
        help_text=_(
            "Only the days are known (older editions): type the first and the last day; "
            "the times are left out everywhere."
        ),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Paris", choices=time_zone_choices
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EditionStatus.choices, default=EditionStatus.SCHEDULED
    )
    previous_start = models.DateTimeField(
        _("previously announced start"),
        null=True,
        blank=True,
        help_text=_("For a rescheduled edition: the dates first announced."),
    )
    previous_end = models.DateTimeField(_("previously announced end"), null=True, blank=True)
    status_note = models.TextField(
        _("status explanation"),
        blank=True,
        help_text=_("Shown with the status, for example why the edition was cancelled."),
    )
    honoured_country = models.CharField(_("honoured country"), max_length=100, blank=True)
    hashtag = models.CharField(
        _("hashtag"), max_length=100, blank=True, validators=[hashtag_validator]
    )
    key_visual = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("key visual"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The edition's poster image, at least 1600 × 900 pixels. Set its focal point in "
            "the image library: every crop (home page, cards, sharing, printed programme) keeps it."
        ),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        blank=True,
        validators=[validate_accent],
        help_text=_(
            "Six hexadecimal digits, for example #a3122e. It must stay readable as text on "
            "white (contrast of at least 4.5:1); empty: the site's navy blue."
        ),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    highlights = StreamField(HighlightsBlock(), verbose_name=_("highlights"), blank=True)

    editorial_title = models.CharField(_("editorial title"), max_length=255, blank=True)
    editorial = RichTextField(_("editorial"), blank=True, features=RICH_TEXT_FEATURES)
    editorial_author = models.ForeignKey(
        "programme.Person",
        verbose_name=_("editorial author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editorial_author_functions = models.TextField(
        _("author's functions"), blank=True, help_text=_("One function per line.")
    )
    editorial_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("editorial photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Defaults to the author's photo."),
    )

    footer_partners_heading = models.CharField(
        _("footer logos heading"), max_length=100, blank=True, default="Avec le concours de"
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
        FieldPanel("event_name"),
        FieldPanel("theme"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start", widget=QuarterHourDateTimeInput()),
                        FieldPanel("end", widget=QuarterHourDateTimeInput()),
                    ]
                ),
                FieldPanel("dates_only"),
                FieldPanel("time_zone"),
                FieldPanel("venue"),
            ],
            heading=_("Dates and venue"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("previous_start"), FieldPanel("previous_end")]),
                FieldPanel("status_note"),
            ],
            heading=_("Status"),
        ),
        FieldRowPanel([FieldPanel("honoured_country"), FieldPanel("hashtag")]),
        MultiFieldPanel(
            [FieldPanel("key_visual"), FieldPanel("accent_colour")],
            heading=_("Visual identity"),
        ),
        *EditionFigures.figure_panels,
        FieldPanel("introduction"),
        FieldPanel("highlights"),
        FieldPanel("body"),
    ]
    editorial_panels = [
        FieldPanel("editorial_title"),
        FieldPanel("editorial"),
        FieldPanel("editorial_author"),
        FieldPanel("editorial_author_functions"),
        FieldPanel("editorial_photo"),
    ]
    partner_panels = [
        FieldPanel("footer_partners_heading"),
        InlinePanel("edition_partners", heading=_("Partners of this edition"), label=_("Partner")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Edition")),
            ObjectList(editorial_panels, heading=_("Editorial")),
            ObjectList(EditionRegistration.registration_panels, heading=_("Registration")),
            ObjectList(partner_panels, heading=_("Partners")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("theme"),
        index.SearchField("introduction"),
        index.SearchField("editorial"),
        index.FilterField("year"),
    ]

    search_text_fields = (
        "title",
        "event_name",
        "theme",
        "introduction",
        "honoured_country",
        "status_note",
    )
    # The year is the address in every language (/en/2025/); the facts follow.
    override_translatable_fields = FromFacts(SynchronizedField("slug", overridable=False))
    # Facts (home/translation/): the same in every language, from the French edition.
    fact_fields = (
        "number",
        "year",
        "start",
        "end",
        "dates_only",
        "time_zone",
        "venue",
        "status",
        "previous_start",
        "previous_end",
        "hashtag",
        "editorial_author",
        "editorial_photo",
        "key_visual",
        "accent_colour",
        "registration_provider",
        "registration_url",
        "pretix_url",
        "pretix_organizer",
        "pretix_event",
        "registration_opens",
        "registration_closes",
        *EditionFigures.figure_facts,
    )
    fact_relations = {"edition_partners": ("partner", "tier", "show_in_footer")}
    overridable_facts = ("registration_url",)

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "programme.ProgrammePage",
        "programme.SpeakerIndexPage",
        "partners.PartnersPage",
        "editions.PracticalInfoPage",
        "editions.ProceedingsPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self):
        return self.title

    # --- validation -------------------------------------------------------------------

    def full_clean(self, *args, **kwargs):
        if self.year:
            self.slug = str(self.year)  # the year is the address: /fr/2025/
        super().full_clean(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.year:  # full_clean() has set the slug to the year
            parent = self.parent_for_validation
            if parent is not None:
                siblings = Page.objects.child_of(parent).filter(slug=self.slug)
                if self.pk:
                    siblings = siblings.exclude(pk=self.pk)
                taken = siblings.first()
                if taken is not None:
                    errors["year"] = year_taken_message(taken, self.year)
        errors.update(period_errors(self, self.tzinfo))
        errors.update(self.registration_errors())
        errors.update(self.previous_dates_errors())
        # One spelling (« 8E2442 » → « #8e2442 »); a non-colour is left for its validator.
        self.accent_colour = normalised(self.accent_colour) or self.accent_colour
        if self.hashtag and not self.hashtag.startswith("#"):
            self.hashtag = f"#{self.hashtag}"
        if errors:
            raise ValidationError(errors)
        super().clean()

    def search_text(self):
        """Also what history is searched by: where it was held, and what happened to it
        (its status in the page's language)."""
        words = [super().search_text()]
        if self.venue_id and self.venue is not None:
            words += [self.venue.name, self.venue.city]
        if self.status != EditionStatus.SCHEDULED:
            with translation.override(self.locale.language_code):
                words.append(str(self.get_status_display()))
        return unaccent(" ".join(words))

    # --- page chrome ------------------------------------------------------------------

    @property
    def can_be_attended(self):
        """Whether to offer adding its programme to a calendar: not when it is cancelled, or
        postponed to dates unknown."""
        return self.status not in (EditionStatus.CANCELLED, EditionStatus.POSTPONED)

    @property
    def editorial_functions_list(self):
        return [
            line.strip() for line in self.editorial_author_functions.splitlines() if line.strip()
        ]

    @property
    def editorial_image(self):
        if self.editorial_photo_id:
            return self.editorial_photo
        return self.editorial_author.photo if self.editorial_author else None

    def share_summary(self):
        return self.theme or self.introduction

    def current_among_siblings(self, now=None):
        """The site's current edition (as the home page features it), when it is not this one."""
        return current.current_edition_for(self, now=now)

    @classmethod
    def dropped_by_reference(cls, editions, field_name):
        """An editorial author or photo is on the edition page alone; its venue is on every
        page of the edition and in its sessions' structured data."""
        if field_name.startswith("editorial_"):
            return pages_tags(editions)
        keys = list(editions.values_list("translation_key", flat=True))
        return edition_tags(keys) | edition_tags(keys, "sessions")
