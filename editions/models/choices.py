import datetime
from dataclasses import dataclass

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EditionStatus(models.TextChoices):
    """A session's words too (programme.choices.SessionStatus), in the same context."""

    SCHEDULED = "scheduled", pgettext_lazy("programme status", "Scheduled")
    RESCHEDULED = "rescheduled", pgettext_lazy("programme status", "Rescheduled")
    POSTPONED = "postponed", pgettext_lazy("programme status", "Postponed")
    ONLINE = "online", pgettext_lazy("programme status", "Moved online")
    CANCELLED = "cancelled", pgettext_lazy("programme status", "Cancelled")


class RegistrationState(models.TextChoices):
    UPCOMING = "upcoming", _("Registration opens soon")
    OPEN = "open", _("Registration open")
    SOLD_OUT = "soldout", _("Sold out")
    CLOSED = "closed", _("Registration closed")


class RegistrationProvider(models.TextChoices):
    LINK = "link", _("A link to any registration service")
    PRETIX = "pretix", _("pretix (availability read from its API)")


@dataclass(frozen=True)
class Registration:
    """What the call to action shows to a visitor: the state and where the link goes."""

    state: str
    url: str
    opens: datetime.datetime | None


hashtag_validator = RegexValidator(
    r"^#?\w+$", _("A hashtag is one word without spaces, for example #RencontresAICT2025.")
)
