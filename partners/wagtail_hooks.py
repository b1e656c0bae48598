from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from home.admin.snippets import ModeratedSnippetViewSet

from .models import Partner, PartnerTier


class PartnerViewSet(ModeratedSnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "url", LocaleColumn(label=_("Language"))]
    search_fields = ["name"]


class PartnerTierViewSet(ModeratedSnippetViewSet):
    model = PartnerTier
    icon = "list-ol"
    menu_label = _("Partner tiers")
    list_display = ["name", "order", LocaleColumn(label=_("Language"))]


class PartnersGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, PartnerTierViewSet)
    menu_icon = "group"
    menu_label = _("Partners")
    menu_order = 220


register_snippet(PartnersGroup)
