from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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
    # Outside the edition's days (a side seminar the day after): listed apart.
    ASSOCIATED = "associated", _("Associated event")


class SessionStatus(models.TextChoices):
    """The same words as an edition's status (editions.models.EditionStatus): an edition's
    status reaches its sessions (SessionPage.shown_status).

    In their own gettext context: without it, « Cancelled » here (« Annulée ») would replace
    Wagtail's own « Cancelled » (a workflow's, « Annulé ») all over the admin, since this
    project's catalogues come first."""

    SCHEDULED = "scheduled", pgettext_lazy("programme status", "Scheduled")
    RESCHEDULED = "rescheduled", pgettext_lazy("programme status", "Rescheduled")
    POSTPONED = "postponed", pgettext_lazy("programme status", "Postponed")
    ONLINE = "online", pgettext_lazy("programme status", "Moved online")
    CANCELLED = "cancelled", pgettext_lazy("programme status", "Cancelled")


# The more of these a status is, the more it says: a cancelled session of an edition moved
# online is cancelled; a session of a cancelled edition is cancelled whatever it says.
STATUS_WEIGHT = {
    SessionStatus.SCHEDULED: 0,
    SessionStatus.ONLINE: 1,
    SessionStatus.RESCHEDULED: 2,
    SessionStatus.POSTPONED: 3,
    SessionStatus.CANCELLED: 4,
}


def shown_status(own, edition_status):
    """What a session's status is on every output: its own, or its edition's when the
    edition's says more."""
    weight = STATUS_WEIGHT.get
    return own if weight(own, 0) >= weight(edition_status, 0) else edition_status


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


class SessionFacts:
    """What a session says of its kind and status, from `session_type`, `status` and
    `edition`: shared by the session page and the programme's listed rows
    (sessions/listing.py)."""

    @property
    def is_associated(self):
        return self.session_type == SessionType.ASSOCIATED

    @property
    def shown_status(self):
        """The status every output shows: the session's own, or its edition's when the
        edition is cancelled, postponed, rescheduled or moved online (a listing gives its
        sessions their edition, so this costs no query there)."""
        edition = self.edition
        return shown_status(self.status, edition.status if edition is not None else "")

    @property
    def shown_status_label(self):
        return SessionStatus(self.shown_status).label

    @property
    def is_online(self):
        return SessionStatus.ONLINE in (self.status, self.edition.status if self.edition else "")


class ChangeKind(models.TextChoices):
    """What a programme change is (sessions.models.changes.SessionChange)."""

    ADDED = "added", _("Session added")
    CANCELLED = "cancelled", _("Session cancelled")
    STATUS = "status", _("Status changed")
    WITHDRAWN = "withdrawn", _("Session withdrawn from the programme")
    TIME = "time", _("Time changed")
    ROOM = "room", _("Room changed")
    SPEAKER_ADDED = "speaker_added", _("Speaker added")
    SPEAKER_WITHDRAWN = "speaker_withdrawn", _("Speaker withdrawn")
