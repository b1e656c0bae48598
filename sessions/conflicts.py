"""The one rule for sessions in conflict, used by the programme grid and the spreadsheet
import's preview: two sessions overlapping in time (one ends when the other starts is no
overlap) in the same room, or with the same person among their speakers. A cancelled
session conflicts with nothing.

The sessions are described by `Booking`s, so that the grid (pages and their speaker rows)
and the import (rows of a file, some of them people not created yet) ask the same question
with the same words."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass
class Booking:
    key: object  # what the messages are filed under: a page's pk, a file's line…
    title: str
    start: object
    end: object
    room: object = None  # anything that identifies the room (its pk); None: no room
    cancelled: bool = False
    people: dict = field(default_factory=dict)  # {what identifies a person: their name}


def overlaps(a, b):
    return a.start < b.end and b.start < a.end


def find_conflicts(bookings):
    """{key: [messages]} for every booking in conflict, in the order of `bookings`: for
    each other booking it overlaps, the shared room first, then each shared person."""
    conflicts = defaultdict(list)
    active = [b for b in bookings if not b.cancelled and b.start and b.end]
    for index, a in enumerate(active):
        for b in active[index + 1 :]:
            if not overlaps(a, b):
                continue
            if a.room is not None and a.room == b.room:
                conflicts[a.key].append(same_room(b))
                conflicts[b.key].append(same_room(a))
            for person, name in b.people.items():
                if person in a.people:
                    conflicts[a.key].append(also_at(name, b))
                    conflicts[b.key].append(also_at(name, a))
    return dict(conflicts)


def same_room(other):
    return _("Same room at the same time as « %(title)s »") % {"title": other.title}


def also_at(name, other):
    return _("%(name)s is also at « %(title)s »") % {"name": name, "title": other.title}


def session_booking(session, speakers):
    """A session page and its speaker rows (with their person), as the rule reads them."""
    return Booking(
        key=session.pk,
        title=session.title,
        start=session.start,
        end=session.end,
        room=session.room_id,
        cancelled=session.status == "cancelled",
        people={row.person_id: row.person.full_name for row in speakers},
    )
