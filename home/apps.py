from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.images import apps as wagtail_images


class HomeConfig(AppConfig):
    default = True  # the app's config, beside ImagesConfig below
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from django.utils.translation import gettext_lazy

        from wagtail.models import Locale

        # Wagtail's Locale has no verbose name: Django's default, « locale », untranslated,
        # headed the locale form and the group permissions. Here a locale is a language.
        # (Set on the options only, not on the migrations' state: no migration changes.)
        Locale._meta.verbose_name = gettext_lazy("language")
        Locale._meta.verbose_name_plural = gettext_lazy("languages")

        from . import (
            checks,  # noqa: F401 (registers the system checks)
            images,
            translation,
            translators,
            uploads,
            visibility,
        )
        from .admin import localize
        from .caching import invalidation, routing

        # Each module connects its own receivers, with their senders. The translators'
        # groups come before the trees are repaired and completed after a migration
        # (post_migrate's receivers run in the order they were connected).
        uploads.connect()
        translators.connect()
        invalidation.connect()
        routing.connect()
        images.connect()
        translation.connect()
        visibility.connect()
        localize.connect()  # a translator's control characters are refused too


class ImagesConfig(wagtail_images.WagtailImagesAppConfig):
    """Wagtail's images app (label ``wagtailimages`` unchanged), with the image rule of
    home/images.py as its permission policy: Wagtail registers its own in ready(), so ours is
    registered right after it, which no earlier app's ready() could do."""

    default = False

    def ready(self):
        super().ready()
        from wagtail.images import get_image_model
        from wagtail.permissions import register_permission_policy

        from .images import image_permission_policy

        register_permission_policy(get_image_model(), image_permission_policy())
