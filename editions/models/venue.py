from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, PublishingPanel
from wagtail.search import index

from home.models import TranslatableSnippet


class Venue(TranslatableSnippet, index.Indexed):
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
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("city"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    # Facts (home/translation/): a postal address is written the same in every language; the
    # name, city and country may have exonyms (Londres, Francia).
    fact_fields = ("street_address", "postcode", "latitude", "longitude", "website")

    class Meta(TranslatableSnippet.Meta):
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

    def dropped_cache_tags(self):
        return set()  # shown by the editions and practical pages that point to it
