"""The programme's translatable snippets: a person who speaks, a room of a venue."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, PublishingPanel
from wagtail.search import index

from home.models import TranslatableSnippet
from home.text import short_slug, unaccent


class Person(TranslatableSnippet, index.Indexed):
    """Someone who speaks at the Rencontres; reused across editions."""

    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        allow_unicode=False,
        help_text=_("Used in the address of the speaker's page; filled in from the name."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True, max_length=1500)

    panels = [
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
        FieldPanel("slug"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.SearchField("bio"),
        index.SearchField("search_text"),
        index.AutocompleteField("last_name"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    # Facts (home/translation/): names are not translated, and the speaker's address is the
    # same in every language; the bio is words.
    fact_fields = ("first_name", "last_name", "slug", "photo")

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    def dropped_cache_tags(self):
        """Their page below each edition's speakers page; the sessions and editorials that
        show them drop through their rows (home/caching/invalidation.py)."""
        return {f"person:{self.translation_key}"}

    @property
    def full_name(self):
        return " ".join(part for part in [self.first_name, self.last_name] if part)

    def search_text(self):
        return unaccent(f"{self.full_name} {self.bio}")

    @property
    def initials(self):
        return "".join(part[0] for part in [self.first_name, self.last_name] if part).upper()

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = short_slug(self.full_name, 120, "personne")
        clash = Person.objects.filter(slug=self.slug, locale_id=self.locale_id)
        if self.translation_key:
            clash = clash.exclude(translation_key=self.translation_key)
        if clash.exists():
            raise ValidationError(
                {"slug": _("Another person already uses this slug; add a distinguishing word.")}
            )


class Room(TranslatableSnippet, index.Indexed):
    """A room at a venue (« Espace des Partenaires », « Étoile 1 »…)."""

    name = models.CharField(_("name"), max_length=150)
    venue = models.ForeignKey(
        "editions.Venue", verbose_name=_("venue"), on_delete=models.PROTECT, related_name="rooms"
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    description = models.CharField(
        _("how to find it"), max_length=255, blank=True, help_text=_("Floor, wing, signage…")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("venue"),
        FieldPanel("capacity"),
        FieldPanel("description"),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    # Facts (home/translation/); the name and how to find it are words.
    fact_fields = ("venue", "capacity")

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} — {self.venue.name}" if self.venue_id else self.name
