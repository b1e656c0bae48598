"""The timetable: sessions grouped by local day, then by the instant they start (a slot;
sessions of a slot run in parallel). The programme page, its filters, the frab exports, the
editors' grid, the edition page and the PDF all read the sessions through it, so a session
is on the same day everywhere (its start in the edition's time zone: home.dates.to_local)."""

import itertools
from dataclasses import dataclass

from home.dates import to_local


def local_day(session, tz):
    """The day a session belongs to: the date of its start in `tz`."""
    return to_local(session.start, tz).date()


@dataclass
class Slot:
    start: object  # aware
    local_start: object  # in the edition's time zone
    end: object  # the sessions' common end, or None when they differ
    sessions: list

    @property
    def parallel(self):
        return len(self.sessions) > 1

    @property
    def dates_only(self):
        """Its sessions have days but no times (home/dates.py)."""
        return all(getattr(session, "dates_only", False) for session in self.sessions)


@dataclass
class Day:
    date: object
    slots: list

    @property
    def sessions(self):
        return [session for slot in self.slots for session in slot.sessions]


def timetable(sessions, tz):
    """[Day, …] in date order; in a day, [Slot, …] by start; in a slot, the sessions in the
    order given (the programme's: end then tree order; the grid's: room)."""
    ordered = sorted(sessions, key=lambda s: s.start)  # stable: keeps the order given
    days = []
    for date, day_sessions in itertools.groupby(ordered, key=lambda s: local_day(s, tz)):
        slots = []
        slot_of = lambda s: (s.start, getattr(s, "dates_only", False))  # noqa: E731
        for (start, _whole), slot_sessions in itertools.groupby(day_sessions, key=slot_of):
            slot_sessions = list(slot_sessions)
            ends = {s.end for s in slot_sessions}
            slots.append(
                Slot(
                    start=start,
                    local_start=to_local(start, tz),
                    end=ends.pop() if len(ends) == 1 else None,
                    sessions=slot_sessions,
                )
            )
        days.append(Day(date=date, slots=slots))
    return days


def days_of(sessions, tz):
    """The local days that have sessions, in order (the programme's day filter)."""
    return sorted({local_day(session, tz) for session in sessions})
