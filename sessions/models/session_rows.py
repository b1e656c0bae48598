"""A session's inline rows: its speakers (person, role, function) and organising partners."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from home.models import InlineRow, once_per_parent
from sessions.choices import (
    SpeakerRole,
)

from .session import sessions_tags
from .snippets import Person


class SessionRow(InlineRow):
    """A row of a session: its change drops the session and the pages listing it."""

    class Meta(InlineRow.Meta):
        abstract = True

    @classmethod
    def dropped_by_reference(cls, rows, field_name):
        """A person or partner changed: the sessions of these rows and the pages listing them."""
        return sessions_tags(
            cls.session.field.related_model.objects.filter(pk__in=rows.values("session_id"))
        )


class SessionSpeaker(SessionRow):
    session = ParentalKey(
        "programme.SessionPage", on_delete=models.CASCADE, related_name="speakers"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="session_roles"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER
    )
    function = models.CharField(
        _("function at this session"),
        max_length=255,
        blank=True,
        help_text=_("For example « Maire de Montpellier »."),
    )

    panels = [FieldPanel("person"), FieldPanel("role"), FieldPanel("function")]

    duplicate_message = _("This person is already listed for this session.")

    class Meta(SessionRow.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [once_per_parent("session", "person", name="session_speaker_once")]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class SessionPartner(SessionRow):
    session = ParentalKey(
        "programme.SessionPage", on_delete=models.CASCADE, related_name="organising_partners"
    )
    partner = models.ForeignKey(
        "partners.Partner", verbose_name=_("partner"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("partner")]

    duplicate_message = _("This partner is already listed for this session.")

    class Meta(SessionRow.Meta):
        verbose_name = _("organising partner")
        verbose_name_plural = _("organising partners")
        constraints = [once_per_parent("session", "partner", name="session_partner_once")]
