"""A session's inline rows: its speakers (person, role, function) and organising partners."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin

from home.translation import FromFacts
from sessions.choices import (
    SpeakerRole,
)

from .session import sessions_tags
from .snippets import Person


class SessionSpeaker(TranslatableMixin, Orderable):
    # Its facts are its parent's fact_relations (home/translation/).
    override_translatable_fields = FromFacts()
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

    # One row per person (the admin's form and the database say so; home/forms.py).
    unique_in_parent = ("person",)
    duplicate_message = _("This person is already listed for this session.")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="session_speaker_once")
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @classmethod
    def dropped_by_reference(cls, rows, field_name):
        """A person or partner changed: the sessions of these rows and the pages listing them."""
        return sessions_tags(
            cls.session.field.related_model.objects.filter(pk__in=rows.values("session_id"))
        )


class SessionPartner(TranslatableMixin, Orderable):
    # Its facts are its parent's fact_relations (home/translation/).
    override_translatable_fields = FromFacts()
    session = ParentalKey(
        "programme.SessionPage", on_delete=models.CASCADE, related_name="organising_partners"
    )
    partner = models.ForeignKey(
        "partners.Partner", verbose_name=_("partner"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("partner")]

    # One row per partner (the admin's form and the database say so; home/forms.py).
    unique_in_parent = ("partner",)
    duplicate_message = _("This partner is already listed for this session.")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("organising partner")
        verbose_name_plural = _("organising partners")
        constraints = [
            models.UniqueConstraint(fields=["session", "partner"], name="session_partner_once")
        ]

    @classmethod
    def dropped_by_reference(cls, rows, field_name):
        """A person or partner changed: the sessions of these rows and the pages listing them."""
        return sessions_tags(
            cls.session.field.related_model.objects.filter(pk__in=rows.values("session_id"))
        )
