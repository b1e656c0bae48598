"""A session of the programme, its speakers and its organising partners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.admin.widgets import QuarterHourDateTimeInput
from home.blocks import BodyStreamBlock
from home.caching.fragments import Kept, fragment
from home.caching.invalidation import edition_keys, edition_tags
from home.chrome import site_chrome
from home.dates import period_errors
from home.exports import Export, ExportsMixin, export_links
from home.models import BasePage, hide_drafts, shown_rows
from home.structured_data import as_script_content
from sessions import change_log
from sessions.blocks import ResourcesStreamBlock
from sessions.calendar import build_calendar
from sessions.choices import (
    SessionFacts,
    SessionLanguage,
    SessionStatus,
    SessionType,
)
from sessions.fields import ChoiceListField
from sessions.structured_data import session_event

from .snippets import Room


def sessions_tags(sessions):
    """Session pages (a queryset) and the pages listing them."""
    rows = list(sessions.values_list("translation_key", "path"))
    tags = {f"page:{key}" for key, _path in rows}
    return tags | edition_tags(edition_keys(path for _key, path in rows), "sessions")


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class SessionPage(ExportsMixin, SessionFacts, BasePage):
    page_role = "session"
    template = "pages/session_page.html"
    reference = models.CharField(
        _("reference"),
        max_length=50,
        blank=True,
        help_text=_(
            "The session's reference in the programme spreadsheet (A1, ATELIER-3…): "
            "imports match sessions on it."
        ),
    )
    session_type = models.CharField(_("type"), max_length=20, choices=SessionType.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    dates_only = models.BooleanField(
        _("dates only"),
        default=False,
        help_text=_("Only the day is known: type the first and the last day, without times."),
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True, max_length=1000)
    other_organisers = models.TextField(
        _("other organisers"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Organisations that co-organise the session without being partners of the "
            "edition: one per line."
        ),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)
    region = models.CharField(
        _("world region or country"),
        max_length=150,
        blank=True,
        help_text=_("For regional meetings: « Afrique de l'Ouest », « Liban »…"),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=SessionLanguage.choices, default=SessionLanguage.FR
    )
    interpretation_languages = ChoiceListField(
        _("simultaneous interpretation into"),
        max_length=50,
        blank=True,
        choices=SessionLanguage.choices,
    )
    registration_url = models.URLField(
        _("registration address"),
        blank=True,
        help_text=_("Only when this session needs its own registration."),
    )
    resources = StreamField(
        ResourcesStreamBlock(),
        verbose_name=_("resources after the event"),
        blank=True,
        help_text=_("Video, documents and report, published after the session."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("session_type"), FieldPanel("status"), FieldPanel("reference")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("start", widget=QuarterHourDateTimeInput()),
                        FieldPanel("end", widget=QuarterHourDateTimeInput()),
                    ]
                ),
                FieldPanel("dates_only"),
                FieldPanel("room"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
        InlinePanel("organising_partners", heading=_("Organising partners"), label=_("Partner")),
        FieldPanel("other_organisers"),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("language"), FieldPanel("interpretation_languages")]),
                FieldPanel("registration_url"),
            ],
            heading=_("Details"),
        ),
        FieldPanel("resources"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("region"),
        index.FilterField("session_type"),
        index.FilterField("start"),
    ]

    search_text_fields = ("title", "summary", "region", "other_organisers")
    # Facts (home/translation/): the same in every language, from the French session.
    fact_fields = (
        "session_type",
        "status",
        "start",
        "end",
        "dates_only",
        "room",
        "reference",
        "region",
        "language",
        "interpretation_languages",
        "registration_url",
        "resources",
    )
    # The speakers' functions at the session are words.
    fact_relations = {"speakers": ("person", "role"), "organising_partners": ("partner",)}
    # A language may point to a registration form of its own (wagtail-localize override).
    overridable_facts = ("registration_url",)
    parent_page_types = ["programme.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def clean(self):
        edition = self.edition
        errors = period_errors(self, self.dates_tzinfo({}))
        inside = edition is not None and not self.is_associated  # associated: any day
        if inside and self.start and self.end and not errors:
            first, last = edition.day_bounds()
            start_ok = first <= self.start < last
            if not (start_ok and first < self.end <= last):
                errors["start" if not start_ok else "end"] = "{} {}".format(
                    self.outside_edition_message(edition),
                    _("For an event outside these days, choose the type « Associated event »."),
                )
        elsewhere = (
            self.room_id
            and edition is not None
            and edition.venue_id
            and self.room.venue.translation_key != edition.venue.translation_key
        )
        if elsewhere:
            errors["room"] = _("This room is not at the edition's venue (%(venue)s).") % {
                "venue": edition.venue.name
            }
        if self.reference:
            parent = self.parent_for_validation
            if parent is not None and self.reference_is_taken(parent):
                errors["reference"] = _(
                    "Another session of this programme has the reference %(reference)s."
                ) % {"reference": self.reference}
        if errors:
            raise ValidationError(errors)
        super().clean()

    def dates_tzinfo(self, values):
        """The time zone whole days are counted in: the edition's."""
        edition = self.edition
        return edition.tzinfo if edition is not None else timezone.get_current_timezone()

    def other_organisers_list(self):
        return [line.strip() for line in self.other_organisers.splitlines() if line.strip()]

    def reference_is_taken(self, programme):
        """Another session of `programme` has this one's reference. The spreadsheet import
        gives the programme its sessions' references once (``sessions_by_reference``), so
        that checking every row costs no query."""
        known = getattr(programme, "sessions_by_reference", None)
        if known is not None:
            return known.get(self.reference, self.pk) != self.pk
        taken = SessionPage.objects.child_of(programme).filter(reference=self.reference)
        if self.pk:
            taken = taken.exclude(pk=self.pk)
        return taken.exists()

    def share_summary(self):
        return self.summary

    # Its room is on its page (structured data, facts): kept with the page by the route
    # cache (home.caching.routing), whose entry a room's change drops (dropped_by_reference below).
    route_relations = ("room",)

    def dropped_cache_tags(self):
        """Also the pages listing the edition's sessions, and the pages of its speakers (they
        list where they speak, in every edition)."""
        tags = super().dropped_cache_tags()
        tags |= edition_tags(edition_keys([self.path]), "sessions")
        people = self.speakers.model.objects.filter(session=self).values_list(
            "person__translation_key", flat=True
        )
        return tags | {f"person:{key}" for key in people}

    @classmethod
    def dropped_by_reference(cls, sessions, field_name):
        """A room changed: these sessions' pages and the pages listing them."""
        return sessions_tags(sessions)

    def structured_data(self, request, speakers):
        if self.edition is None:
            return ""
        data = session_event(
            self, self.edition, request, site_chrome(request)["settings"], speakers
        )
        return as_script_content(data)

    @staticmethod
    def outside_edition_message(edition):
        days = [day.strftime("%d/%m/%Y") for day in edition.days]
        if len(days) == 1:
            return _("The session must take place on the day of the edition, %(day)s.") % {
                "day": days[0]
            }
        return _(
            "The session must take place during the edition, between %(first)s and %(last)s."
        ) % {"first": days[0], "last": days[-1]}

    @property
    def status_from_edition(self):
        """The status shown is the edition's, not the session's own."""
        return self.shown_status != self.status

    @property
    def is_cancelled(self):
        return self.shown_status == SessionStatus.CANCELLED

    @property
    def can_be_attended(self):
        """Whether to offer adding it to a calendar or registering: not when it is
        cancelled, or postponed to dates unknown."""
        return self.shown_status not in (SessionStatus.CANCELLED, SessionStatus.POSTPONED)

    @property
    def duration(self):
        return self.end - self.start

    def interpretation_labels(self):
        labels = dict(SessionLanguage.choices)
        return [labels[code] for code in self.interpretation_languages if code in labels]

    def has_ended(self, now=None):
        return (now or timezone.now()) >= self.end

    # A route of the page at <session address><file name> (home.exports).
    exports = (Export("calendar", "calendar.ics", "serve_calendar", "text/calendar"),)

    def serve_calendar(self, request):
        hide_drafts([self])
        edition = self.edition
        content = build_calendar([self], edition, request, self.title)
        return calendar_response(content, f"{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hide_drafts([self])  # its room, while a moderator has not published it
        context["speakers"] = list(
            shown_rows(self.speakers.select_related("person", "person__photo"))
        )
        context["organising_partners"] = list(
            shown_rows(self.organising_partners.select_related("partner", "partner__logo"))
        )
        context["programme_page"] = context["breadcrumb_pages"][-1]
        context["structured_data"] = self.structured_data(request, context["speakers"])
        context["exports"] = export_links(self, request)
        context["speaker_index"] = (
            self.edition.speaker_index() if self.edition and context["speakers"] else None
        )
        context["changes"] = self.changes_seen(request)
        return context

    def changes_seen(self, request):
        """[(when, what)]: what visitors saw change on this session, newest first (« Modifiée
        le 2 juillet : 11 h 30 → 11 h 45 »), kept until the session is published again."""
        if self.edition is None:
            return []

        def compute():
            rows = change_log.described(change_log.session_changes(self)[:10], self.edition)
            return Kept(
                [(row["at"], row["text"]) for row in rows], {f"page:{self.translation_key}"}
            )

        if getattr(request, "is_preview", False):
            return compute().value
        return fragment(f"session-changes:{self.translation_key}:{get_language()}", compute)
