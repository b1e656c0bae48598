from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Person, Room


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["full_name", "slug"]
    search_fields = ["first_name", "last_name"]


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "home"
    menu_label = _("Rooms")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "venue", "capacity"]
    list_filter = ["venue"]
    search_fields = ["name"]


register_snippet(PersonViewSet)
register_snippet(RoomViewSet)
