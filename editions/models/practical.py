from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.models import InlineRow, once_per_parent
from home.text import tel_href, validate_phone

from .base import EditionChildPage
from .venue import Venue


class TransportMode(models.TextChoices):
    METRO = "metro", _("Metro")
    RER = "rer", _("RER")
    TRAM = "tram", _("Tram")
    BUS = "bus", _("Bus")
    TRAIN = "train", _("Train")
    BIKE = "bike", _("Bike sharing")
    SHUTTLE = "shuttle", _("Shuttle")


class PracticalInfoPage(EditionChildPage):
    page_role = "practical"
    template = "pages/practical_info_page.html"
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

    # Facts (home/translation/); lines' exits, contacts' roles and links' labels are words.
    fact_fields = ("venue", "parking_address")
    fact_relations = {
        "transport_items": ("mode", "lines", "station"),
        "contacts": ("name", "phone", "email"),
        "links": ("url",),
    }

    class Meta:
        verbose_name = _("practical information page")
        verbose_name_plural = _("practical information pages")

    @property
    def effective_venue(self):
        """Its own venue, else the edition's; a published one only (home/models/snippets.py;
        the edition's is hidden by BasePage.edition)."""
        if self.venue_id and self.venue.live:
            return self.venue
        return self.edition.venue if self.edition else None

    @property
    def parking_map_url(self):
        if not self.parking_address:
            return ""
        return f"https://www.openstreetmap.org/search?query={quote(self.parking_address)}"


class TransportItem(InlineRow):
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

    # Line numbers and station names are what the signs say (facts of the page's
    # fact_relations); the exit is described in words.
    panels = [FieldPanel("mode"), FieldPanel("lines"), FieldPanel("station"), FieldPanel("exit")]

    duplicate_message = _("This line and stop are already listed on this page.")

    class Meta(InlineRow.Meta):
        verbose_name = _("transport line")
        verbose_name_plural = _("transport lines")
        constraints = [
            once_per_parent("page", "mode", "lines", "station", name="transport_item_once")
        ]

    @property
    def line_list(self):
        return [line.strip() for line in self.lines.split(",") if line.strip()]


class Contact(InlineRow):
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

    duplicate_message = _("This contact is already listed on this page.")

    class Meta(InlineRow.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        constraints = [once_per_parent("page", "name", name="contact_once")]

    def clean(self):
        super().clean()
        if not self.phone and not self.email:
            raise ValidationError({"email": _("Enter a phone number or an email address.")})

    @property
    def phone_href(self):
        return tel_href(self.phone)


class UsefulLink(InlineRow):
    page = ParentalKey(PracticalInfoPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=150)
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    duplicate_message = _("This link is already listed on this page.")

    class Meta(InlineRow.Meta):
        verbose_name = _("useful link")
        verbose_name_plural = _("useful links")
        constraints = [once_per_parent("page", "url", name="useful_link_once")]
