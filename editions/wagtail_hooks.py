from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.models import register_snippet

from home.admin.snippets import ModeratedSnippetViewSet

from .models import EditionPage, Venue
from .views import can_start_from, new_edition


class VenueViewSet(ModeratedSnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "city", "country", LocaleColumn(label=_("Language"))]
    search_fields = ["name", "city"]


register_snippet(VenueViewSet)


class StartNextEditionButton(PageMenuItem):
    label = _("Start the next edition")
    icon_name = "copy"
    url_name = "editions_new_edition"


def next_edition_buttons(page, user, next_url=None, view_name=None):
    if page.specific_class is EditionPage and can_start_from(user, page):
        yield StartNextEditionButton(page=page, priority=35)


hooks.register("register_page_header_buttons", next_edition_buttons)
hooks.register("register_page_listing_more_buttons", next_edition_buttons)


@hooks.register("register_admin_urls")
def edition_admin_urls():
    return [path("editions/<int:page_id>/next/", new_edition, name="editions_new_edition")]
