from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionType(models.TextChoices):
    WELCOME = "welcome", _("Welcome")
    OPENING = "opening", _("Official opening")
    PLENARY = "plenary", _("Plenary")
    WORKSHOP = "workshop", _("Workshop")
    REGIONAL = "regional", _("Regional meeting")
    B2B = "b2b", _("B2B meetings")
    CAFE = "cafe", _("« Café des Rencontres »")
    BREAK = "break", _("Break")
    MEAL = "meal", _("Meal")
    COUNTRY_PLENARY = "country_plenary", _("Country plenary")
    CLOSING = "closing", _("Closing")
    OTHER = "other", _("Other")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    KEYNOTE = "keynote", _("Keynote speaker")
    RAPPORTEUR = "rapporteur", _("Rapporteur")


class SessionLanguage(models.TextChoices):
    FR = "fr", _("French")
    EN = "en", _("English")
    ES = "es", _("Spanish")
    AR = "ar", _("Arabic")
    PT = "pt", _("Portuguese")
