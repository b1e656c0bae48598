"""The programme in the frab / pentabarf / c3voc schedule format (schedule.json and
schedule.xml), read by Giggity, EventFahrplan, ConfClerk and the c3voc video tooling.
One data structure, two serialisations; see docs/schedule-exports.md."""

import datetime
import json
import uuid
from xml.etree import ElementTree as ET

from home.dates import to_local
from home.text import printable
from sessions.timetable import timetable

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
GENERATOR = {"name": "Rencontres CMS", "version": "1"}


def hhmm(delta):
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def version(sessions):
    """When the programme last changed, as apps show it ("2025-06-10 14:03")."""
    stamps = [s.last_published_at for s in sessions if s.last_published_at]
    return to_local(max(stamps)).strftime("%Y-%m-%d %H:%M") if stamps else "0"


def legacy_id(key):
    """frab's deprecated integer id, derived from the session's stable key."""
    return key.int % 2_000_000_000 + 1


def build_schedule(programme, sessions, request):
    """The frab schedule of `sessions` below `programme`: the conference, its rooms, and
    every day with its events by room."""
    edition = programme.edition
    tz = edition.tzinfo
    acronym = f"aict{edition.year}"
    rooms = Rooms(venue_room(programme))
    by_day = {day.date: day.sessions for day in timetable(sessions, tz)}
    # The edition's days, and those of associated events outside them.
    days = [
        schedule_day(index, day, by_day.get(day, []), rooms, acronym, tz, request)
        for index, day in enumerate(sorted(set(edition.days) | set(by_day)), start=1)
    ]
    return {
        "$schema": SCHEMA_URL,
        "generator": GENERATOR,
        "schedule": {
            "version": version(sessions),
            "base_url": request.build_absolute_uri("/"),
            "conference": conference(programme, acronym, rooms, days, request),
        },
    }


def venue_room(programme):
    """The room of the sessions that have none: the venue, with a guid that stays the same
    from one export to the next (apps key their rooms on it)."""
    edition = programme.edition
    return {
        "name": edition.venue.name if edition.venue else programme.title,
        "guid": str(
            uuid.uuid5(uuid.NAMESPACE_URL, f"rencontres-aict:{edition.translation_key}:venue")
        ),
    }


class Rooms:
    """The rooms the events are in, listed once each in the order the days first use them
    (the conference's ``rooms``); an event without a room is in the venue."""

    def __init__(self, venue):
        self.venue = venue
        self.used = {}

    def of(self, session):
        if session.room_id:
            room = {"name": session.room.name, "guid": str(session.room.translation_key)}
        else:
            room = self.venue
        self.used.setdefault(room["guid"], room)
        return room


def schedule_day(index, day, sessions, rooms, acronym, tz, request):
    """One local day, from midnight to midnight in the edition's time zone, its events
    grouped by room name."""
    day_start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
    day_end = day_start + datetime.timedelta(days=1)
    day_rooms = {}
    for session in sessions:
        room = rooms.of(session)
        day_rooms.setdefault(room["name"], []).append(
            schedule_event(session, room, acronym, tz, request)
        )
    return {
        "index": index,
        "date": day.isoformat(),
        "day_start": day_start.isoformat(),
        "day_end": day_end.isoformat(),
        "rooms": day_rooms,
    }


def schedule_event(session, room, acronym, tz, request):
    """A session as a frab event: its guid and id come from its translation key, which
    survives a change of time or title, so apps update the event rather than add one."""
    local_start = to_local(session.start, tz)
    key = session.translation_key
    return {
        "guid": str(key),
        "id": legacy_id(key),
        "date": local_start.isoformat(),
        "start": local_start.strftime("%H:%M"),
        "end": to_local(session.end, tz).isoformat(),
        "duration": hhmm(session.end - session.start),
        "room": room["name"],
        "slug": f"{acronym}-{session.slug}",
        "url": request.build_absolute_uri(session.get_url(request)),
        "title": event_title(session),
        "subtitle": None,
        "track": session.get_session_type_display(),
        "type": session.session_type,
        "language": session.language,
        "abstract": session.summary or None,
        "description": None,
        "persons": [
            {
                "name": role.person.full_name,
                "guid": str(role.person.translation_key),
                "biography": role.person.bio or None,
            }
            for role in session.speakers.all()
        ],
        "links": [],
        "attachments": [],
    }


def event_title(session):
    """The title, with the status when it is not the usual one: apps have no field for a
    cancelled or moved session, a visitor reads it in the title."""
    if session.shown_status == "scheduled":
        return session.title
    return f"{session.title} ({session.shown_status_label})"


def conference(programme, acronym, rooms, days, request):
    """The conference's own facts; its rooms are those the days used."""
    edition = programme.edition
    return {
        "acronym": acronym,
        "title": edition.title,
        "start": edition.local_start.isoformat(),
        "end": edition.local_end.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": "00:15",
        "time_zone_name": edition.time_zone,
        "url": request.build_absolute_uri(programme.get_url(request)),
        "rooms": list(rooms.used.values()),
        "days": days,
    }


# Both serialisations drop control characters, which XML cannot carry and older titles or
# biographies may hold.


def to_json(data):
    return json.dumps(printable(data), ensure_ascii=False, indent=2)


def to_xml(data, url):
    data = printable(data)
    schedule = data["schedule"]
    conference = schedule["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", {"name": GENERATOR["name"], "version": GENERATOR["version"]})
    ET.SubElement(root, "url").text = url
    ET.SubElement(root, "version").text = schedule["version"]
    conf = ET.SubElement(root, "conference")
    for name, value in [
        ("title", conference["title"]),
        ("acronym", conference["acronym"]),
        ("start", conference["start"]),
        ("end", conference["end"]),
        ("days", str(conference["daysCount"])),
        ("timeslot_duration", conference["timeslot_duration"]),
        ("base_url", schedule["base_url"]),
        ("url", conference["url"]),
        ("time_zone_name", conference["time_zone_name"]),
    ]:
        ET.SubElement(conf, name).text = value
    guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_el = ET.SubElement(
            root,
            "day",
            {
                "index": str(day["index"]),
                "date": day["date"],
                "start": day["day_start"],
                "end": day["day_end"],
            },
        )
        for room_name, events in day["rooms"].items():
            room_el = ET.SubElement(day_el, "room", {"name": room_name, "guid": guids[room_name]})
            for event in events:
                event_el = ET.SubElement(
                    room_el, "event", {"guid": event["guid"], "id": str(event["id"])}
                )
                for name in (
                    "room",
                    "title",
                    "type",
                    "date",
                    "start",
                    "duration",
                    "slug",
                    "track",
                    "language",
                    "url",
                ):
                    ET.SubElement(event_el, name).text = event[name]
                ET.SubElement(event_el, "abstract").text = event["abstract"] or ""
                persons = ET.SubElement(event_el, "persons")
                for person in event["persons"]:
                    ET.SubElement(persons, "person", {"guid": person["guid"]}).text = person["name"]
                ET.SubElement(event_el, "links")
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")
