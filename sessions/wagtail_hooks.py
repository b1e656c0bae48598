from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.snippets.models import register_snippet

from home.admin.snippets import ModeratedChooserViewSet, ModeratedSnippetViewSet
from home.admin.translator_dashboard import TranslationWorkPanel
from home.translators import translator_languages

from . import people, release, views
from .bulk_status import SessionStatusBulkAction
from .dashboard import CurrentEditionPanel
from .models import Person, ProgrammePage, Room


class PersonChooserViewSet(ModeratedChooserViewSet):
    # Create a speaker from the session's chooser without leaving the page.
    form_fields = ["first_name", "last_name", "bio"]
    create_action_label = _("Add a person")


class RoomChooserViewSet(ModeratedChooserViewSet):
    form_fields = ["name", "venue", "capacity", "description"]
    create_action_label = _("Add a room")


class PersonViewSet(ModeratedSnippetViewSet):
    model = Person
    chooser_viewset_class = PersonChooserViewSet
    icon = "user"
    menu_label = _("People")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        Column("full_name", label=_("Name"), sort_key="last_name"),
        "slug",
        LocaleColumn(label=_("Language")),
    ]
    search_fields = ["first_name", "last_name"]


class RoomViewSet(ModeratedSnippetViewSet):
    model = Room
    chooser_viewset_class = RoomChooserViewSet
    icon = "home"
    menu_label = _("Rooms")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "venue", "capacity", LocaleColumn(label=_("Language"))]
    list_filter = ["venue"]
    search_fields = ["name"]


register_snippet(PersonViewSet)
register_snippet(RoomViewSet)


class ImportProgrammeButton(PageMenuItem):
    label = _("Import a spreadsheet")
    icon_name = "upload"
    url_name = "programme_import"


class ProgrammeGridButton(PageMenuItem):
    label = _("Programme grid")
    icon_name = "table"
    url_name = "programme_grid"


class ReleaseProgrammeButton(PageMenuItem):
    label = _("Schedule the programme's release")
    icon_name = "calendar-alt"
    url_name = "programme_release"


class CancelReleaseButton(PageMenuItem):
    label = _("Cancel the scheduled publication")
    icon_name = "calendar-alt"
    url_name = "programme_release_cancel"


class ExportProgrammeButton(PageMenuItem):
    label = _("Export to a spreadsheet (.xlsx)")
    icon_name = "download"
    url_name = "programme_export"


def programme_buttons(page, user, next_url=None, view_name=None):
    if page.specific_class is not ProgrammePage:
        return
    permissions = page.permissions_for_user(user)
    if permissions.can_add_subpage():
        yield ImportProgrammeButton(page=page, priority=36)
    if permissions.can_schedule():
        yield ReleaseProgrammeButton(page=page, priority=38)
        if release.scheduled_pages(page.specific):
            yield CancelReleaseButton(page=page, priority=39)
    if permissions.can_edit():
        yield ProgrammeGridButton(page=page, priority=35)
        yield ExportProgrammeButton(page=page, priority=37)


hooks.register("register_page_header_buttons", programme_buttons)
hooks.register("register_page_listing_more_buttons", programme_buttons)


@hooks.register("register_admin_urls")
def programme_admin_urls():
    return [
        path("programme/<int:page_id>/import/", views.import_programme, name="programme_import"),
        path(
            "programme/<int:page_id>/import/<str:token>/done/",
            views.import_done,
            name="programme_import_done",
        ),
        path("programme/<int:page_id>/export.xlsx", views.export_xlsx, name="programme_export"),
        path("programme/template.xlsx", views.template_xlsx, name="programme_template"),
        path("programme/<int:page_id>/grid/", views.programme_grid, name="programme_grid"),
        path("programme/<int:page_id>/release/", views.programme_release, name="programme_release"),
        path(
            "programme/<int:page_id>/release/cancel/",
            views.programme_release_cancel,
            name="programme_release_cancel",
        ),
    ]


@hooks.register("construct_homepage_panels")
def current_edition_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.insert(0, CurrentEditionPanel())
    if translator_languages(request.user):
        # A translator's work first: what is not translated, what the French changed since.
        panels.insert(0, TranslationWorkPanel(request.user))


# The page explorer's « Changer le statut » for the selected sessions (the hook takes the class).
hooks.register("register_bulk_action", SessionStatusBulkAction)


@hooks.register("register_log_actions")
def register_programme_log_actions(actions):
    people.register_log_actions(actions)
