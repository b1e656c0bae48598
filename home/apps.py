from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _

from wagtail.images import apps as wagtail_images


class HomeConfig(AppConfig):
    default = True  # the app's config, beside ImagesConfig below
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from django.utils.translation import gettext_lazy

        from wagtail.images import get_image_model
        from wagtail.models import Locale
        from wagtail.signals import page_published

        # Wagtail's Locale has no verbose name: Django's default, « locale », untranslated,
        # headed the locale form and the group permissions. Here a locale is a language.
        # (Set on the options only, not on the migrations' state: no migration changes.)
        Locale._meta.verbose_name = gettext_lazy("language")
        Locale._meta.verbose_name_plural = gettext_lazy("languages")

        from . import (
            checks,  # noqa: F401 (registers the system checks)
            images,
            translation,
            visibility,
        )
        from .caching import invalidation, routing
        from .translators import ensure_translator_groups, grant_tree
        from .uploads import clean_svg

        pre_save.connect(clean_svg, sender=get_image_model(), dispatch_uid="home.clean_svg")
        post_migrate.connect(ensure_translator_groups, dispatch_uid="home.translator_groups")
        invalidation.connect()
        routing.connect()
        images.connect()
        translation.connect()
        visibility.connect()
        from .admin import localize

        localize.connect()  # a translator's control characters are refused too
        # The trees made before they followed the French are repaired first (orphans,
        # misplaced translations, two-address pages); then every French page gets a page in
        # every language.
        post_migrate.connect(translation.repair_trees, dispatch_uid="home.repair_trees")
        post_migrate.connect(translation.sync_trees, dispatch_uid="home.sync_trees")

        from .roles import HOME_DEPTH

        def grant_new_home(sender, instance, **kwargs):
            if instance.depth == HOME_DEPTH:
                grant_tree(instance)

        page_published.connect(grant_new_home, weak=False, dispatch_uid="home.grant_new_home")


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
