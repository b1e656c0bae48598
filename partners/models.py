from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.models import BasePage
from home.translation import FactsFromSource


class PartnerTier(FactsFromSource, TranslatableMixin, models.Model):
    """A level of partnership (« Organisateur », « Partenaire institutionnel »…); labels are editable."""

    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Tiers are shown from the smallest number up.")
    )

    panels = [FieldPanel("name"), FieldPanel("order")]
    fact_fields = ("order",)  # home/translation.py

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner tier")
        verbose_name_plural = _("partner tiers")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @property
    def html_id(self):
        return f"tier-{self.pk}"


class Partner(FactsFromSource, TranslatableMixin, index.Indexed, models.Model):
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

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("url"), FieldPanel("description")]
    fact_fields = ("logo", "url")  # home/translation.py; the name and description are words
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("search_text"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def search_text(self):
        from search.text import unaccent

        return unaccent(f"{self.name} {self.description}")


class EditionPartner(TranslatableMixin, Orderable):
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

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("edition partner")
        verbose_name_plural = _("edition partners")


def group_by_tier(rows):
    """[(tier, [edition partner, …]), …] in the order the rows come."""
    groups = {}
    for row in rows:
        groups.setdefault(row.tier_id, (row.tier, []))[1].append(row)
    return list(groups.values())


class PartnersPage(BasePage):
    template = "pages/partners_page.html"
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["editions.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners page")
        verbose_name_plural = _("partners pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners_by_tier"] = self.edition.partners_by_tier() if self.edition else []
        return context
