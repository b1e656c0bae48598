"""Admin guards that keep translators to their own language."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin import widgets  # noqa: F401 (registers the local-time comparison)
from .admin.bulk_actions import LabelledPublishBulkAction, LabelledUnpublishBulkAction
from .translators import may_touch


def deny():
    raise PermissionDenied(_("Translators can only edit content in their own language."))


@hooks.register("before_edit_snippet", order=-1)
def keep_translators_to_their_language(request, instance):
    if not may_touch(request.user, instance):
        deny()


@hooks.register("before_delete_snippet", order=-1)
def translators_do_not_delete(request, instances):
    if any(not may_touch(request.user, obj) for obj in instances):
        deny()


@hooks.register("register_admin_urls", order=-1)
def localize_urls():
    """wagtail-localize's views held to our roles (home/admin/localize.py), at their own addresses:
    registered first, these are the ones the admin's URLs resolve to."""
    from .admin import localize

    return [
        path(
            "localize/submit/page/<int:page_id>/",
            localize.SubmitPageTranslationView.as_view(),
            name="localize_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize.SubmitSnippetTranslationView.as_view(),
            name="localize_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            localize.UpdateTranslationsView.as_view(),
            name="localize_update_translations",
        ),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            localize.edit_string_translation,
            name="localize_edit_string_translation",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            localize.convert_to_alias,
            name="localize_convert_to_alias",
        ),
    ]


@hooks.register("construct_page_action_menu")
def no_conversion_to_alias(menu_items, request, context):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("register_admin_urls")
def guide_urls():
    from .admin import guide

    return [
        path("guide/", guide.page, name="admin_guide"),
        path("guide/images/<str:name>", guide.image, name="admin_guide_image"),
        path("guide/<str:name>/", guide.page, name="admin_guide_page"),
    ]


@hooks.register("register_admin_menu_item")
def guide_menu_item():
    return MenuItem(
        gettext_lazy("How-to guide"), reverse("admin_guide"), icon_name="help", order=10000
    )


@hooks.register("insert_global_admin_js")
def french_translation_editor():
    """wagtail-localize's editor has a few words in English in its code (static/js)."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<script src="{}" defer></script>', static("js/admin-french.js"))


@hooks.register("construct_admin_api")
def translators_read_source_pages(router):
    """« Page liée » in the translation editor shows the French page (home/admin/api.py)."""
    from .admin.api import TranslatorPagesAdminAPIViewSet

    router.register_endpoint("pages", TranslatorPagesAdminAPIViewSet)


# Registered after Wagtail's own (a later hook takes the same action's place): the same
# actions, their question labelled (home/admin/bulk_actions.py).
hooks.register("register_bulk_action", LabelledPublishBulkAction, order=1)
hooks.register("register_bulk_action", LabelledUnpublishBulkAction, order=1)
