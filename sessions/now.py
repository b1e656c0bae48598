"""Now and next: what is on in each room of the venue at the request's
instant, in the edition's time zone, and what comes next; the instant the answer changes
(the next session boundary), which the page cache and the room screens' refresh follow."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from sessions.choices import SessionStatus

# A screen asks again at the next boundary, and at least this often (a publication on the
# day: a room change, a cancellation).
SCREEN_REFRESH_SECONDS = 120


@dataclass
class RoomNow:
    """A room (None: sessions with no room given, elsewhere in the venue), the sessions on
    in it now and the next ones to start (several when they start together)."""

    room: object
    now: list = field(default_factory=list)
    next: list = field(default_factory=list)

    @property
    def pk(self):
        return self.room.pk if self.room is not None else None


@dataclass
class NowAndNext:
    phase: str  # "before", "during" or "after" the edition's sessions
    rooms: list  # [RoomNow], rooms with something on now first, then by name
    first_start: object  # the first session's start (None without sessions)
    last_end: object
    next_boundary: object  # the next instant a session starts or ends, or None
    resumes_at: object = None  # on a day without anything more: the next day's first start

    @property
    def anything_now(self):
        return any(room.now for room in self.rooms)


def timed(sessions):
    """The sessions with times that can be on at an instant: not associated events, not
    whole days, not postponed to dates unknown."""
    return [
        s
        for s in sessions
        if not s.is_associated
        and not s.dates_only
        and s.shown_status != SessionStatus.POSTPONED
        and s.start
        and s.end
    ]


def now_and_next(sessions, now=None, tzinfo=None):
    """Room by room, what is on at `now` and what starts next the same day (in `tzinfo`,
    the edition's time zone)."""
    now = now or timezone.now()
    tzinfo = tzinfo or timezone.get_current_timezone()
    today = timezone.localtime(now, tzinfo).date()
    sessions = sorted(timed(sessions), key=lambda s: (s.start, s.end))
    if not sessions:
        return NowAndNext("after", [], None, None, None)
    first_start = sessions[0].start
    last_end = max(s.end for s in sessions)
    boundaries = sorted({t for s in sessions for t in (s.start, s.end) if t > now})
    if now < first_start:
        phase = "before"
    elif now >= last_end:
        phase = "after"
    else:
        phase = "during"
    rooms = {}
    for session in sessions:
        entry = rooms.setdefault(session.room.pk if session.room else None, RoomNow(session.room))
        if session.start <= now < session.end:
            entry.now.append(session)
        elif (
            session.start > now
            and timezone.localtime(session.start, tzinfo).date() == today
            and (not entry.next or entry.next[0].start == session.start)
        ):
            entry.next.append(session)
    ordered = sorted(
        rooms.values(),
        key=lambda r: (not r.now, r.room is None, r.room.name.casefold() if r.room else ""),
    )
    found = NowAndNext(phase, ordered, first_start, last_end, boundaries[0] if boundaries else None)
    if phase == "during" and not any(room.now or room.next for room in ordered):
        found.resumes_at = min(s.start for s in sessions if s.start > now)
    return found


def seconds_until(instant, now=None, at_most=None):
    """Whole seconds from `now` to `instant` (at least 1), capped by `at_most`."""
    now = now or timezone.now()
    if instant is None:
        return at_most
    seconds = max(1, int((instant - now) / datetime.timedelta(seconds=1)) + 1)
    return min(seconds, at_most) if at_most else seconds
