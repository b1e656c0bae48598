"""iCalendar (RFC 5545) exports of the programme and of single sessions."""

from django.utils.translation import gettext as _

from icalendar import Calendar, Event, vText

from home.models import shown
from home.text import printable

from .changes import sequences
from .choices import SessionStatus

PRODID = "-//Cités Unies France//Rencontres CMS//FR"

# RFC 5545 knows confirmed, tentative and cancelled events: a postponed session waits for its
# new dates; rescheduled and online sessions take place at the times given.
ICS_STATUS = {SessionStatus.CANCELLED: "CANCELLED", SessionStatus.POSTPONED: "TENTATIVE"}


def session_uid(session):
    # The translation key is shared by a session's translations and never changes when the
    # session moves, so calendars update the event instead of adding a new one.
    return f"session-{session.translation_key}@rencontres-aict"


def location(session, edition):
    if session.is_online:
        return _("Online")
    venue = edition.venue
    parts = [session.room.name] if session.room_id else []
    if venue is not None:
        parts += [venue.name, *venue.address_lines, venue.country]
    return ", ".join(part for part in parts if part)


def description(session):
    lines = [session.get_session_type_display()]
    if session.shown_status != SessionStatus.SCHEDULED:
        lines[0] += f" — {session.shown_status_label}"
        note = session.edition.status_note if session.status_from_edition else ""
        if note:
            lines.append(note)
    if session.summary:
        lines.append(session.summary)
    speakers = [s.person.full_name for s in shown(session.speakers.all())]
    if speakers:
        lines.append(_("Speakers:") + " " + ", ".join(speakers))
    return "\n\n".join(lines)


def build_calendar(sessions, edition, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", edition.time_zone)
    sessions = list(sessions)
    changed = sequences(sessions)
    for session in sessions:
        event = Event()
        event.add("uid", session_uid(session))
        # Grows with each change visitors saw (time, room, status, speakers): calendar apps
        # replace their copy of the event (RFC 5545, 3.8.7.4).
        event.add("sequence", changed.get(session.translation_key, 0))
        stamp = session.last_published_at or session.first_published_at
        if stamp is not None:
            event.add("dtstamp", stamp)
            event.add("last-modified", stamp)
        if session.dates_only:
            # Whole days (RFC 5545 VALUE=DATE): the end is the day after the last one.
            event.add("dtstart", edition.local(session.start).date())
            event.add("dtend", edition.local(session.end).date())
        else:
            event.add("dtstart", edition.local(session.start))
            event.add("dtend", edition.local(session.end))
        event.add("summary", session.title)
        event.add("description", description(session))
        event.add("location", vText(location(session, edition)))
        event.add("categories", [session.get_session_type_display()])
        event.add("url", request.build_absolute_uri(session.get_url(request)))
        event.add("status", ICS_STATUS.get(session.shown_status, "CONFIRMED"))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    # RFC 5545 text holds no control characters (but tab), and older titles, summaries or
    # names may: the whole file is cleaned, line breaks kept.
    return printable(calendar.to_ical().decode()).encode()
