from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    # One name for the domain: folder, label, templates (templates/programme/) and admin.
    # The folder was "sessions" at first, but django.contrib.sessions owns that label.
    name = "programme"
    label = "programme"
    verbose_name = _("Programme")
