from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    # The folder is the design's `sessions/`, but django.contrib.sessions owns that label:
    # the label, the templates (templates/programme/) and the admin say « programme ».
    name = "sessions"
    label = "programme"
    verbose_name = _("Programme")

    def ready(self):
        from django.db.models.signals import post_save, pre_delete, pre_save

        from wagtail.signals import page_published, page_unpublished

        from . import signals
        from .models import Room

        page_published.connect(signals.on_published, dispatch_uid="programme_changes_published")
        page_unpublished.connect(
            signals.on_unpublished, dispatch_uid="programme_changes_unpublished"
        )
        pre_delete.connect(signals.on_deleting, dispatch_uid="programme_changes_deleting")
        pre_save.connect(signals.room_saving, sender=Room, dispatch_uid="programme_room_saving")
        post_save.connect(signals.room_saved, sender=Room, dispatch_uid="programme_room_saved")
        pre_delete.connect(
            signals.room_deleting, sender=Room, dispatch_uid="programme_room_deleting"
        )
