"""Admin guards that keep translators to their own language."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

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


@hooks.register("register_admin_urls")
def guide_urls():
    from . import guide

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
