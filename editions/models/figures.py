"""An edition's key figures, as the organiser reports them afterwards: participants,
countries, local authorities, sessions. Older sources give some and not others, and often
round numbers (« plus de 1 000 participants »): each is optional, and they may be marked
approximate."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


def figure(label):
    return models.PositiveIntegerField(label, null=True, blank=True)


class EditionFigures(models.Model):
    participants = figure(_("participants"))
    countries = figure(_("countries"))
    local_authorities = figure(_("local authorities"))
    session_count = models.PositiveIntegerField(
        _("sessions"),
        null=True,
        blank=True,
        help_text=_("Leave empty to count the sessions of the programme."),
    )
    figures_approximate = models.BooleanField(
        _("approximate figures"),
        default=False,
        help_text=_("The figures are rounded (« about 1,000 participants »)."),
    )

    figure_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("participants"),
                        FieldPanel("countries"),
                        FieldPanel("local_authorities"),
                        FieldPanel("session_count"),
                    ]
                ),
                FieldPanel("figures_approximate"),
            ],
            heading=_("Key figures"),
        )
    ]
    figure_facts = (
        "participants",
        "countries",
        "local_authorities",
        "session_count",
        "figures_approximate",
    )

    class Meta:
        abstract = True

    def key_figures(self, counted_sessions=None):
        """[(number, words, approximate), …] for the figures known, in the reader's
        language; the sessions are counted from the programme when none was entered."""
        sessions = self.session_count if self.session_count is not None else counted_sessions
        rounded = self.figures_approximate
        found = [
            (self.participants, ngettext("participant", "participants", self.participants or 0)),
            (self.countries, ngettext("country", "countries", self.countries or 0)),
            (
                self.local_authorities,
                ngettext("local authority", "local authorities", self.local_authorities or 0),
            ),
        ]
        figures = [(number, words, rounded) for number, words in found if number]
        if sessions:  # counted, never rounded
            figures.append((sessions, ngettext("session", "sessions", sessions), False))
        return figures
