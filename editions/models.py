import datetime
import zoneinfo
from dataclasses import dataclass
from urllib.parse import quote

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.admin_widgets import QuarterHourDateTimeInput
from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.models import BasePage, tel_href, validate_phone
from home.translation import FactsFromSource

from .blocks import HighlightsBlock
from .forms import EditionPageForm


def time_zone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class Venue(FactsFromSource, TranslatableMixin, index.Indexed, models.Model):
    """A place where an edition is held; reused across editions."""

    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100, default="France")
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("street_address"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldPanel("country"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Coordinates")),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("city"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        # A postal address is written the same in every language; the venue's name and its
        # city and country may have exonyms (Londres, Francia).
        SynchronizedField("street_address"),
        SynchronizedField("postcode"),
    ]

    # Facts (home/translation.py); the name, city and country may have exonyms.
    fact_fields = ("street_address", "postcode", "latitude", "longitude", "website")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.city})" if self.city else self.name

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            field = "longitude" if self.longitude is None else "latitude"
            raise ValidationError(
                {field: _("Enter both the latitude and the longitude, or neither.")}
            )

    @property
    def address_lines(self):
        locality = " ".join(part for part in [self.postcode, self.city] if part)
        return [line for line in [self.street_address, locality] if line]

    @property
    def map_url(self):
        """An OpenStreetMap link: on the coordinates when known, else a search for the address."""
        if self.latitude is not None and self.longitude is not None:
            return (
                f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
                f"#map=18/{self.latitude}/{self.longitude}"
            )
        query = ", ".join([self.name, *self.address_lines, self.country])
        return f"https://www.openstreetmap.org/search?query={quote(query)}"


class EditionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    POSTPONED = "postponed", _("Postponed")
    ONLINE = "online", _("Moved online")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationState(models.TextChoices):
    UPCOMING = "upcoming", _("Registration opens soon")
    OPEN = "open", _("Registration open")
    SOLD_OUT = "soldout", _("Sold out")
    CLOSED = "closed", _("Registration closed")


class RegistrationProvider(models.TextChoices):
    LINK = "link", _("A link to any registration service")
    PRETIX = "pretix", _("pretix (availability read from its API)")


@dataclass(frozen=True)
class Registration:
    """What the call to action shows to a visitor: the state and where the link goes."""

    state: str
    url: str
    opens: datetime.datetime | None


hashtag_validator = RegexValidator(
    r"^#?\w+$", _("A hashtag is one word without spaces, for example #RencontresAICT2025.")
)


class EditionPage(BasePage):
    """One edition of the Rencontres; its slug is its year."""

    shows_sessions = True

    template = "pages/edition_page.html"

    base_form_class = EditionPageForm

    number = models.PositiveSmallIntegerField(
        _("edition number"),
        validators=[MinValueValidator(1)],
        help_text=_("16 for the 16th edition."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1990), MaxValueValidator(2200)],
        help_text=_("The edition's address is /<language>/<year>/."),
    )
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
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

    registration_provider = models.CharField(
        _("registration service"),
        max_length=20,
        choices=RegistrationProvider.choices,
        default=RegistrationProvider.LINK,
    )
    registration_url = models.URLField(
        _("registration address"),
        blank=True,
        max_length=500,
        help_text=_(
            "Write {lang} where the service takes the visitor's language (fr, en, es). "
            "With pretix, leave empty to use the event's shop."
        ),
    )
    pretix_url = models.URLField(
        _("pretix server"),
        blank=True,
        default="https://pretix.eu",
        help_text=_("The API token is read from the PRETIX_API_TOKEN environment variable."),
    )
    pretix_organizer = models.SlugField(_("pretix organiser"), blank=True, max_length=100)
    pretix_event = models.SlugField(_("pretix event"), blank=True, max_length=100)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close registration when the edition ends."),
    )
    footer_partners_heading = models.CharField(
        _("footer logos heading"), max_length=100, blank=True, default="Avec le concours de"
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
        FieldPanel("theme"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start", widget=QuarterHourDateTimeInput()),
                        FieldPanel("end", widget=QuarterHourDateTimeInput()),
                    ]
                ),
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
    registration_panels = [
        FieldPanel("registration_provider", widget=forms.RadioSelect),
        FieldPanel("registration_url"),
        MultiFieldPanel(
            [
                FieldPanel("pretix_url"),
                FieldRowPanel([FieldPanel("pretix_organizer"), FieldPanel("pretix_event")]),
            ],
            heading=_("pretix"),
        ),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
    ]
    partner_panels = [
        FieldPanel("footer_partners_heading"),
        InlinePanel("edition_partners", heading=_("Partners of this edition"), label=_("Partner")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Edition")),
            ObjectList(editorial_panels, heading=_("Editorial")),
            ObjectList(registration_panels, heading=_("Registration")),
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

    search_text_fields = ("title", "theme", "introduction", "honoured_country")
    override_translatable_fields = [
        SynchronizedField("slug"),  # the year is the address in every language: /en/2025/
        SynchronizedField("hashtag"),  # one hashtag for everyone
        # The provider's identifiers are not words; the address may differ per language.
        SynchronizedField("pretix_organizer", overridable=False),
        SynchronizedField("pretix_event", overridable=False),
        TranslatableField("venue"),
    ]
    # Facts (home/translation.py): the same in every language, from the French edition.
    fact_fields = (
        "number",
        "year",
        "start",
        "end",
        "time_zone",
        "venue",
        "status",
        "previous_start",
        "previous_end",
        "hashtag",
        "editorial_author",
        "editorial_photo",
        "registration_provider",
        "registration_url",
        "pretix_url",
        "pretix_organizer",
        "pretix_event",
        "registration_opens",
        "registration_closes",
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
                if siblings.exists():
                    errors["year"] = _("An edition already exists for the year %(year)s.") % {
                        "year": self.year
                    }
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must come after the start.")
        if self.registration_opens and self.registration_closes:
            if self.registration_closes <= self.registration_opens:
                errors["registration_closes"] = _("Registration must close after it opens.")
        if self.registration_opens and self.end and self.registration_opens >= self.end:
            errors["registration_opens"] = _("Registration must open before the edition ends.")
        if self.status == EditionStatus.RESCHEDULED:
            if not self.previous_start:
                errors["previous_start"] = _(
                    "A rescheduled edition keeps the dates first announced: enter them."
                )
            elif self.previous_end and self.previous_end <= self.previous_start:
                errors["previous_end"] = _("The end must come after the start.")
        if self.registration_provider == RegistrationProvider.PRETIX:
            for name in ("pretix_url", "pretix_organizer", "pretix_event"):
                if not getattr(self, name):
                    errors[name] = _("pretix needs its server, organiser and event.")
        if self.hashtag and not self.hashtag.startswith("#"):
            self.hashtag = f"#{self.hashtag}"
        if errors:
            raise ValidationError(errors)
        super().clean()

    # --- time -------------------------------------------------------------------------

    @cached_property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def local(self, value):
        return timezone.localtime(value, self.tzinfo) if value else None

    @property
    def local_start(self):
        return self.local(self.start)

    @property
    def local_end(self):
        return self.local(self.end)

    @property
    def is_multi_day(self):
        return self.local_start.date() != self.local_end.date()

    @property
    def days(self):
        first, last = self.local_start.date(), self.local_end.date()
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    @property
    def utc_offset_label(self):
        """'UTC+02:00' at the start of the edition (summer time included)."""
        offset = self.local_start.utcoffset() or datetime.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"

    def day_bounds(self):
        """The first and last instants of the edition's days, in its time zone."""
        first, last = self.days[0], self.days[-1]
        start = datetime.datetime.combine(first, datetime.time.min, tzinfo=self.tzinfo)
        end = datetime.datetime.combine(
            last + datetime.timedelta(days=1), datetime.time.min, tzinfo=self.tzinfo
        )
        return start, end

    def has_ended(self, now=None):
        return (now or timezone.now()) >= self.end

    # --- registration -----------------------------------------------------------------

    @property
    def registration_closes_at(self):
        return self.registration_closes or self.end

    @property
    def uses_pretix(self):
        return self.registration_provider == RegistrationProvider.PRETIX and bool(
            self.pretix_url and self.pretix_organizer and self.pretix_event
        )

    def registration_link(self, language=None):
        """The registration address, opening the service in `language` where it can."""
        language = (language or self.locale.language_code)[:2]
        if self.registration_url:
            return self.registration_url.replace("{lang}", language)
        if self.uses_pretix:
            from .registration import shop_url

            return shop_url(self.pretix_url, self.pretix_organizer, self.pretix_event, language)
        return ""

    def registration(self, language=None, now=None):
        """The call to action at `now`: None when the edition has no registration.

        The provider is asked (through the cache) only while registration is open.
        """
        state = self.registration_state(now)
        if state is None:
            return None
        if state == RegistrationState.OPEN and self.uses_pretix:
            from .registration import pretix_availability

            if pretix_availability(self.pretix_url, self.pretix_organizer, self.pretix_event):
                state = RegistrationState.SOLD_OUT
        return Registration(
            state=state, url=self.registration_link(language), opens=self.registration_opens
        )

    def registration_state(self, now=None):
        """Where the registration window stands at `now`, or None without registration."""
        if not (self.registration_url or self.registration_opens or self.uses_pretix):
            return None
        now = now or timezone.now()
        if self.status == EditionStatus.CANCELLED or now >= self.registration_closes_at:
            return RegistrationState.CLOSED
        if self.registration_opens and now < self.registration_opens:
            return RegistrationState.UPCOMING
        return RegistrationState.OPEN

    # --- current edition --------------------------------------------------------------

    @staticmethod
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

    # --- page chrome ------------------------------------------------------------------

    def partner_rows(self):
        return self.edition_partners.select_related("partner", "partner__logo", "tier")

    @cached_property
    def all_partner_rows(self):
        """Every partner row of the edition, once per request (footer and partners list)."""
        return list(self.partner_rows().order_by("sort_order"))

    def footer_partners(self):
        return [row for row in self.all_partner_rows if row.show_in_footer]

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

    def child_pages(self, *models):
        """The first live child of each of `models`, in one query per model found (its
        specific row), each knowing this page as its edition."""
        from django.contrib.contenttypes.models import ContentType

        types = ContentType.objects.get_for_models(*models)
        children = (
            Page.objects.live()
            .child_of(self)
            .filter(content_type__in=types.values())
            .order_by("path")
            .specific()
        )
        found = {}
        for child in children:
            found.setdefault(type(child), child)
            child.__dict__["edition"] = self
        return [found.get(model) for model in models]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parts = self.parts(request)
        programme = parts["programme"]
        context["programme_page"] = programme
        context["programme_days"] = programme.schedule() if programme else []
        context["practical_info"] = parts["practical"]
        context["proceedings"] = parts["proceedings"] if self.has_ended() else None
        context["partners_page"] = parts["partners_page"]
        context["partners_by_tier"] = parts["partners_by_tier"]
        context["structured_data"] = self.structured_data(request, context)
        return context

    def parts(self, request):
        """What the edition page shows besides the sessions (its child pages, practical
        information, partners, editorial, venue): shared through the cache and dropped when
        the edition or one of its child pages changes; made afresh for a preview."""
        from django.db.models import prefetch_related_objects

        from cms import page_cache
        from partners.models import PartnersPage
        from sessions.models import ProgrammePage

        def compute():
            programme, practical, proceedings, partners_page = self.child_pages(
                ProgrammePage, PracticalInfoPage, ProceedingsPage, PartnersPage
            )
            if practical is not None:
                prefetch_related_objects(
                    [practical], "transport_items", "contacts", "links", "venue"
                )
            if self.editorial_author_id:
                self.editorial_author = (
                    self.editorial_author.__class__.objects.select_related("photo")
                    .filter(pk=self.editorial_author_id)
                    .first()
                )
            rows = self.all_partner_rows
            found = {
                "programme": programme,
                "practical": practical,
                "proceedings": proceedings,
                "partners_page": partners_page,
                "partners_by_tier": self.partners_by_tier(rows),
                "venue": self.venue,
                "editorial_author": self.editorial_author,
                "editorial_photo": self.editorial_photo,
            }
            return found, self.page_and_edition_tags(self)

        if getattr(request, "is_preview", False):
            return compute()[0]
        found = page_cache.remember(f"edition-parts:{self.pk}", compute)
        for field in ("venue", "editorial_author", "editorial_photo"):
            if getattr(self, f"{field}_id") is not None:
                setattr(self, field, found[field])
        for child in ("programme", "practical", "proceedings", "partners_page"):
            if found[child] is not None:
                found[child].__dict__["edition"] = self
        return found

    def structured_data(self, request, context):
        from home.chrome import site_chrome
        from home.structured_data import as_script_content, edition_event

        sessions = [
            s
            for day in context["programme_days"]
            for slot in day["slots"]
            for s in slot["sessions"]
        ]
        data = edition_event(
            self,
            request,
            site_chrome(request)["settings"],
            sessions=sessions,
            language=context.get("content_language") or self.locale.language_code,
        )
        return as_script_content(data)

    def share_summary(self):
        return self.theme or self.introduction

    def current_among_siblings(self, now=None):
        """The site's current edition (as the home page features it), when it is not this one."""
        from .current import current_edition_for

        return current_edition_for(self, now=now)

    def partners_by_tier(self, rows=None):
        from partners.models import group_by_tier

        if rows is None:
            rows = self.partner_rows()
        return group_by_tier(sorted(rows, key=lambda row: (row.tier.order, row.sort_order)))


class TransportMode(models.TextChoices):
    METRO = "metro", _("Metro")
    RER = "rer", _("RER")
    TRAM = "tram", _("Tram")
    BUS = "bus", _("Bus")
    TRAIN = "train", _("Train")
    BIKE = "bike", _("Bike sharing")
    SHUTTLE = "shuttle", _("Shuttle")


class PracticalInfoPage(BasePage):
    template = "pages/practical_info_page.html"
    introduction = models.TextField(_("introduction"), blank=True)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Defaults to the edition's venue."),
    )
    parking_name = models.CharField(_("parking"), max_length=200, blank=True)
    parking_address = models.CharField(_("parking address"), max_length=255, blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    accessibility = RichTextField(
        _("accessibility for disabled visitors"), blank=True, features=RICH_TEXT_FEATURES
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("venue"),
        InlinePanel("transport_items", heading=_("Public transport"), label=_("Line")),
        MultiFieldPanel(
            [FieldPanel("parking_name"), FieldPanel("parking_address")], heading=_("Parking")
        ),
        FieldPanel("opening_hours"),
        FieldPanel("accessibility"),
        InlinePanel("contacts", heading=_("Contacts"), label=_("Contact")),
        InlinePanel("links", heading=_("Useful links"), label=_("Link")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("introduction"),
        index.SearchField("opening_hours"),
        index.SearchField("accessibility"),
    ]

    override_translatable_fields = [SynchronizedField("parking_address")]
    # Facts (home/translation.py); lines' exits, contacts' roles and links' labels are words.
    fact_fields = ("venue", "parking_address")
    fact_relations = {
        "transport_items": ("mode", "lines", "station"),
        "contacts": ("name", "phone", "email"),
        "links": ("url",),
    }

    parent_page_types = ["editions.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practical information page")
        verbose_name_plural = _("practical information pages")

    @property
    def effective_venue(self):
        if self.venue_id:
            return self.venue
        return self.edition.venue if self.edition else None

    @property
    def parking_map_url(self):
        if not self.parking_address:
            return ""
        return f"https://www.openstreetmap.org/search?query={quote(self.parking_address)}"


class TransportItem(TranslatableMixin, Orderable):
    page = ParentalKey(PracticalInfoPage, on_delete=models.CASCADE, related_name="transport_items")
    mode = models.CharField(_("mode"), max_length=20, choices=TransportMode.choices)
    lines = models.CharField(
        _("lines"),
        max_length=100,
        blank=True,
        help_text=_("Separate several lines with commas: 32, 63, 82."),
    )
    station = models.CharField(_("station or stop"), max_length=150)
    exit = models.CharField(_("exit"), max_length=150, blank=True)

    panels = [FieldPanel("mode"), FieldPanel("lines"), FieldPanel("station"), FieldPanel("exit")]
    # Line numbers and station names are what the signs say; the exit is described in words.
    override_translatable_fields = [SynchronizedField("lines"), SynchronizedField("station")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("transport line")
        verbose_name_plural = _("transport lines")

    @property
    def line_list(self):
        return [line.strip() for line in self.lines.split(",") if line.strip()]


class Contact(TranslatableMixin, Orderable):
    page = ParentalKey(PracticalInfoPage, on_delete=models.CASCADE, related_name="contacts")
    description = models.CharField(_("what to contact them for"), max_length=255, blank=True)
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldPanel("description"),
        FieldPanel("name"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]
    override_translatable_fields = [SynchronizedField("phone"), SynchronizedField("name")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def clean(self):
        super().clean()
        if not self.phone and not self.email:
            raise ValidationError({"email": _("Enter a phone number or an email address.")})

    @property
    def phone_href(self):
        return tel_href(self.phone)


class UsefulLink(TranslatableMixin, Orderable):
    page = ParentalKey(PracticalInfoPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=150)
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("useful link")
        verbose_name_plural = _("useful links")


class ProceedingsPage(BasePage):
    """« Actes »: after the event, each session's video, report, documents and photos."""

    shows_sessions = True

    template = "pages/proceedings_page.html"

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("introduction"),
    ]
    parent_page_types = ["editions.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("proceedings page")
        verbose_name_plural = _("proceedings pages")

    def get_context(self, request, *args, **kwargs):
        from sessions.models import SessionPage

        context = super().get_context(request, *args, **kwargs)
        sessions = []
        if self.edition is not None:
            sessions = [
                session
                for session in SessionPage.objects.live()
                .descendant_of(self.edition)
                .select_related("room")
                .order_by("start", "path")
                if session.resources
            ]
        context["sessions_with_resources"] = sessions
        return context
