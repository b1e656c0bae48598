from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    # The folder is the design's `sessions/`, but django.contrib.sessions owns that label:
    # the label, the templates (templates/programme/) and the admin say « programme ».
    name = "sessions"
    label = "programme"
    verbose_name = _("Programme")

    def ready(self):
        from . import signals

        signals.connect()
