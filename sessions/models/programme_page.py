"""The programme page: the edition's schedule, its filters and its exports."""

from typing import NamedTuple

from django.db import models
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path, re_path

from editions.models import EditionChildPage
from home import visibility
from home.caching.fragments import Kept, fragment
from home.caching.page_cache import keep_for_visitors
from home.exports import Export, ExportsMixin, export_links
from home.models import BasePage, hide_drafts, shown_rows
from home.translation import with_shows_french_words
from sessions import change_log
from sessions.calendar import build_calendar
from sessions.choices import SessionLanguage, SessionType
from sessions.filters import (
    FILTER_NAMES,
    apply_filters,
    filter_context,
    filter_pairs,
    offered,
    options_of,
    query_string,
    read_filters,
)
from sessions.listing import give_cards, listed_sessions
from sessions.printed import programme_pdf
from sessions.schedule import build_schedule, to_json, to_xml
from sessions.timetable import timetable

from .session import SessionPage, calendar_response
from .session_rows import SessionSpeaker


class FilteredSessions(NamedTuple):
    sessions: list  # all the sessions listed
    filters: object  # the active filters (sessions/filters.py)
    shown: list  # the sessions they keep


class ProgrammePage(ExportsMixin, EditionChildPage):
    """The edition's schedule: days × time slots, parallel sessions side by side; filters in
    the query string, and the same (filtered) programme as iCalendar at calendar.ics. What
    changed since it was announced at modifications/, and as an Atom feed."""

    page_role = "programme"
    shows_sessions = True
    # Each combination of filters offered is a view of its own in the page cache.
    cache_query_params = FILTER_NAMES

    template = "pages/programme_page.html"

    announced_at = models.DateTimeField(
        _("programme announced on"),
        null=True,
        blank=True,
        help_text=_(
            "Sessions published for the first time after this moment are listed as added in "
            "the public change log. Changes to sessions already published (time, room, status, "
            "speakers) are always listed. Leave empty while the programme is being put "
            "together."
        ),
    )

    content_panels = EditionChildPage.content_panels + [FieldPanel("announced_at")]

    subpage_types = ["programme.SessionPage"]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def session_rows(self):
        """The programme's sessions a visitor of the programme may see (home/visibility.py):
        a page that lists them through the programme (the edition page) asks first whether
        the programme itself is visible from there."""
        return visibility.visible(SessionPage.objects.descendant_of(self), within=self)

    def sessions(self):
        """The same as full pages, with their rooms and speakers."""
        return (
            with_shows_french_words(self.session_rows())
            .select_related("room")
            .prefetch_related(
                Prefetch(
                    "speakers",
                    queryset=shown_rows(SessionSpeaker.objects.select_related("person")).order_by(
                        "sort_order"
                    ),
                )
            )
            .order_by("start", "end", "path")
        )

    def with_edition(self, sessions):
        """The sessions, each knowing this programme's edition (their status and times
        depend on it) without a query of its own."""
        sessions = hide_drafts(sessions)  # a room not yet published is not shown
        for session in sessions:
            session.know_edition(self.edition)
        return sessions

    @property
    def tzinfo(self):
        return self.edition.tzinfo if self.edition else timezone.get_current_timezone()

    def filtered_sessions(self, request, sessions=None):
        """All sessions, the active filters and the sessions they keep; the full pages unless
        `sessions` are given."""
        if sessions is None:
            sessions = self.with_edition(self.sessions())
        params = request.GET if request is not None else {}
        filters = read_filters(params, SessionType.values, SessionLanguage.values)
        return FilteredSessions(sessions, filters, apply_filters(sessions, filters, self.tzinfo))

    def schedule(self, sessions=None):
        """The timetable of the sessions shown (sessions/timetable.py), associated events
        (outside the edition's days) left to ``associated_events``."""
        if sessions is None:
            sessions = self.with_edition(self.sessions())
        return timetable([s for s in sessions if not s.is_associated], self.tzinfo)

    def overview(self, request):
        """The timetable as the edition page shows it (titles, types, statuses, and the
        sessions in its JSON-LD): rows, not pages (sessions/listing.py)."""
        return self.schedule(listed_sessions(self, self.session_rows(), request))

    @staticmethod
    def associated_events(sessions):
        """The associated events among `sessions`, listed apart, in date order."""
        return [s for s in sessions if s.is_associated]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Rows, not pages: the cards come whole from the cache (sessions/listing.py).
        listed = listed_sessions(self, self.session_rows(), request)
        sessions, filters, shown = self.filtered_sessions(request, listed)
        options = options_of(sessions, self.tzinfo)
        # The page cache keeps one view per combination of the options offered, and nothing
        # for values outside them (index_route).
        context["honoured_filters"] = filter_pairs(filters) if offered(filters, options) else ()
        context.update(filter_context(sessions, filters, options))
        days = self.schedule(shown)
        associated = self.associated_events(shown)
        placed = [(s, slot, False) for day in days for slot in day.slots for s in slot.sessions]
        give_cards(
            placed + [(s, None, True) for s in associated],
            request,
            lambda pks: self.with_edition(self.sessions().filter(pk__in=pks)),
        )
        context.update(
            {
                "days": days,
                "associated": associated,
                "session_count": len(sessions),
                "shown_count": len(shown),
            }
        )
        context["last_change"] = self.last_change()
        # The calendar and the frab files follow the filters; the PDF is the whole programme.
        context["exports"] = export_links(self, request, query_string(filters))
        return context

    # Routes of the page at <programme address><file name> (home.exports).
    exports = (
        Export("calendar", "calendar.ics", "serve_calendar", "text/calendar", filtered=True),
        Export("schedule_json", "schedule.json", "serve_schedule_json", "application/json", True),
        Export("schedule_xml", "schedule.xml", "serve_schedule_xml", "application/xml", True),
        Export("pdf", "programme.pdf", "serve_pdf", "application/pdf"),
        Export("changes", "modifications.atom", "serve_changes_feed", "application/atom+xml"),
        Export("my_calendar", "mon-programme.ics", "serve_my_calendar", "text/calendar"),
    )

    @path("")
    def index_route(self, request):
        """The programme, kept for visitors once per combination of the filters it offers;
        a request with any other parameter or value is made for its visitor."""
        response = super().index_route(request)
        return keep_for_visitors(response, self, query=response.context_data["honoured_filters"])

    # --- a visitor's own programme (kept in their browser: sessions/selection.py) ----------

    @path("mon-programme/", name="my_programme")
    def my_programme_route(self, request):
        """Every session of the edition, hidden: the browser shows those its visitor starred
        (static/js/site.js). The same page for everybody, so kept in the page cache and
        offline."""
        sessions = listed_sessions(self, self.session_rows(), request)
        # A session moved (time, room) or otherwise changed says so, as on its own page.
        latest = {}
        if self.edition is not None:
            changed = change_log.edition_changes(self.edition, within=self).exclude(
                kind=change_log.ChangeKind.ADDED
            )
            for row in change_log.described(changed, self.edition):
                latest.setdefault(row["key"], row)
        for session in sessions:
            session.last_change = latest.get(str(session.translation_key))
        return self.render_view(
            request,
            "pages/my_programme.html",
            sessions=sessions,
            exports=export_links(self, request),
        )

    def render_view(self, request, template, **extra):
        """One of the programme's own views (« Mon programme », now and next, the screens,
        the change log): the page's chrome without the 80 cards of the programme itself."""
        context = BasePage.get_context(self, request)
        context.update(extra)
        return TemplateResponse(request, template, context)

    def serve_my_calendar(self, request):
        """The starred sessions as a calendar to subscribe to: later changes of those
        sessions (times, rooms, cancellations) reach the calendar app with a higher
        SEQUENCE. A malformed selection is said in the visitor's language (400)."""
        from sessions.selection import InvalidSelection, pick, read_selection

        try:
            codes = read_selection(request.GET.get("s", ""))
        except InvalidSelection:
            return HttpResponse(
                str(
                    _(
                        "This calendar address is incomplete or mistyped: copy it again "
                        "from « My programme »."
                    )
                ),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        sessions = pick(self.with_edition(self.sessions()), codes)
        edition = self.edition
        name = _("My programme")
        if edition is not None:
            name = f"{edition.event_name or edition.title} — {name}"
        return calendar_response(
            build_calendar(sessions, edition, request, str(name)),
            f"{self.slug_for_file()}-mon-programme.ics",
        )

    # --- what changed ---------------------------------------------------------------------

    def changes(self, limit=None):
        """The changes visitors saw, newest first, as read in the active language."""
        rows = change_log.edition_changes(self.edition, within=self) if self.edition else []
        if limit is not None:
            rows = rows[:limit]
        return change_log.described(rows, self.edition)

    def last_change(self):
        """The latest change visitors saw (the programme links to its log), kept until a
        session of the edition changes."""
        edition = self.edition
        if edition is None:
            return None

        def compute():
            row = change_log.edition_changes(edition, within=self).values("at").first()
            return Kept(row, {f"sessions:{edition.translation_key}"})

        return fragment(f"last-change:{edition.translation_key}", compute)

    # --- now and next ---------------------------------------------------------------------

    def now_and_next(self, request):
        """What is on now and next, room by room, at the request's instant."""
        from sessions.now import now_and_next

        sessions = listed_sessions(self, self.session_rows(), request)
        return now_and_next(sessions, timezone.now(), self.tzinfo)

    @path("maintenant/", name="now")
    def now_route(self, request):
        """What is on now and next in each room, for a participant's phone; the page cache
        keeps it until the next session boundary."""
        found = self.now_and_next(request)
        response = self.render_view(request, "pages/programme_now.html", now_next=found)
        return keep_for_visitors(response, self, until=found.next_boundary)

    def screen_room(self, room_id):
        """The room a screen's address names, in this page's language; Http404 unless it is
        a room of the edition's venue. The room's number in any language names it."""
        from .snippets import Room

        venue = self.edition.venue if self.edition is not None else None
        digits = room_id.lstrip("0")
        if venue is None or not digits or len(digits) > 18:  # beyond any row's number
            raise Http404
        room = Room.objects.live().filter(pk=int(digits)).select_related("venue").first()
        if room is None or room.venue.translation_key != venue.translation_key:
            raise Http404
        return (
            Room.objects.live()
            .filter(translation_key=room.translation_key, locale=self.locale)
            .select_related("locale")
            .first()
            or room
        )

    def screen(self, request, room=None):
        from sessions.now import SCREEN_REFRESH_SECONDS, RoomNow, seconds_until

        found = self.now_and_next(request)
        rooms = found.rooms
        if room is not None:
            rooms = [entry for entry in rooms if entry.pk == room.pk] or [RoomNow(room)]
        response = self.render_view(
            request,
            "pages/programme_screen.html",
            now_next=found,
            rooms=rooms,
            room_screen=room is not None,
            refresh_seconds=seconds_until(found.next_boundary, at_most=SCREEN_REFRESH_SECONDS),
            now=timezone.now(),
        )
        # Kept until the next session boundary, as now and next.
        return keep_for_visitors(response, self, until=found.next_boundary)

    @path("ecrans/", name="screens")
    def screens_route(self, request):
        """The whole venue on one screen, in large type."""
        return self.screen(request)

    @re_path(r"^ecrans/(?P<room_id>[0-9]+)/$", name="room_screen")
    def room_screen_route(self, request, room_id):
        """The screen at the door of one room, at one address per room and language: another
        way of writing it (``01``, the number of the room's copy in another language) is
        sent there for good, so that the page cache keeps one view per room."""
        room = self.screen_room(room_id)
        if room_id != str(room.pk):
            own = self.get_url(request) + self.reverse_subpage(
                "room_screen", kwargs={"room_id": str(room.pk)}
            )
            return HttpResponsePermanentRedirect(own)
        return self.screen(request, room)

    @path("modifications/", name="changes")
    def changes_route(self, request):
        """The change log: what visitors saw change, newest first, by day of publication."""
        return self.render_view(
            request,
            "pages/programme_changes.html",
            changes=self.changes(),
            exports=export_links(self, request),
        )

    def serve_changes_feed(self, request):
        from sessions.feeds import changes_feed

        return changes_feed(self, request)

    def serve_pdf(self, request):
        pdf, cached = programme_pdf(self)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug_for_file()}.pdf"'
        response["X-Programme-PDF"] = "cached" if cached else "made"
        return response

    def serve_schedule_json(self, request):
        _sessions, _filters, shown = self.filtered_sessions(request)
        data = build_schedule(self, shown, request)
        return HttpResponse(to_json(data), content_type="application/json; charset=utf-8")

    def serve_schedule_xml(self, request):
        _sessions, _filters, shown = self.filtered_sessions(request)
        data = build_schedule(self, shown, request)
        return HttpResponse(
            to_xml(data, request.build_absolute_uri()),
            content_type="application/xml; charset=utf-8",
        )

    def serve_calendar(self, request):
        _sessions, filters, shown = self.filtered_sessions(request)
        edition = self.edition
        name = f"{edition.title} — {self.title}" if edition else self.title
        return calendar_response(
            build_calendar(shown, edition, request, name), f"{self.slug_for_file()}.ics"
        )

    def slug_for_file(self):
        year = self.edition.year if self.edition else ""
        return f"rencontres-{year}-{self.slug}".strip("-")
