from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.search import index

from editions.models import EditionChildPage
from home.caching.invalidation import edition_tags
from home.models import InlineRow, TranslatableSnippet, once_per_parent
from home.text import unaccent


class PartnerTier(TranslatableSnippet):
    """A level of partnership (« Organisateur », « Partenaire institutionnel »…); labels are editable."""

    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Tiers are shown from the smallest number up.")
    )

    panels = [FieldPanel("name"), FieldPanel("order"), PublishingPanel()]
    fact_fields = ("order",)  # home/translation/

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("partner tier")
        verbose_name_plural = _("partner tiers")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @property
    def html_id(self):
        return f"tier-{self.pk}"


class Partner(TranslatableSnippet, index.Indexed):
    """A partner organisation, reused across editions."""

    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True, max_length=1500)

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("url"),
        FieldPanel("description"),
        PublishingPanel(),
    ]
    fact_fields = ("logo", "url")  # home/translation/; the name and description are words
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("search_text"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def search_text(self):
        return unaccent(f"{self.name} {self.description}")


class EditionPartner(InlineRow):
    """A partner's place in one edition: its tier that year, and whether its logo is in the footer."""

    edition = ParentalKey(
        "editions.EditionPage", on_delete=models.CASCADE, related_name="edition_partners"
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="editions"
    )
    tier = models.ForeignKey(
        PartnerTier, verbose_name=_("tier"), on_delete=models.PROTECT, related_name="+"
    )
    caption = models.CharField(
        _("caption"),
        max_length=255,
        blank=True,
        help_text=_(
            "Shown under the logo, e.g. « Le projet PLATFORMA est co-financé par l'Union européenne »."
        ),
    )
    show_in_footer = models.BooleanField(_("logo in the edition's footer"), default=True)

    panels = [
        FieldPanel("partner"),
        FieldPanel("tier"),
        FieldPanel("caption"),
        FieldPanel("show_in_footer"),
    ]

    duplicate_message = _("This partner is already listed for this edition.")

    class Meta(InlineRow.Meta):
        verbose_name = _("edition partner")
        verbose_name_plural = _("edition partners")
        constraints = [once_per_parent("edition", "partner", name="edition_partner_once")]

    @classmethod
    def dropped_by_reference(cls, rows, field_name):
        """A partner or a tier changed: every page of the editions that list it (the footer
        logos, the edition and partners pages)."""
        return edition_tags(rows.values_list("edition__translation_key", flat=True))


class PartnersPage(EditionChildPage):
    page_role = "partners"
    template = "pages/partners_page.html"

    class Meta:
        verbose_name = _("partners page")
        verbose_name_plural = _("partners pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners_by_tier"] = self.edition.partners_by_tier() if self.edition else []
        return context
