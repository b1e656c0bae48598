from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from home.models import BasePage


class EditionChildPage(BasePage):
    """A page of its own below an edition, one per edition (the programme, the speakers, the
    partners, the practical information, the proceedings), with an introduction. Its
    ``page_role`` names it for the edition, which finds it through the tree without
    importing the app that defines it (EditionPage.child_pages)."""

    introduction = models.TextField(_("introduction"), blank=True)

    # In the edition's navigation unless the editor unticks « Afficher dans les menus ».
    show_in_menus_default = True

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["editions.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
