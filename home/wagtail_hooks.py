"""Admin guards that keep translators to their own language."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from wagtail import hooks

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
