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
    edition = programme.edition
    tz = edition.tzinfo
    acronym = f"aict{edition.year}"
    venue_room = {
        "name": edition.venue.name if edition.venue else programme.title,
        "guid": str(
            uuid.uuid5(uuid.NAMESPACE_URL, f"rencontres-aict:{edition.translation_key}:venue")
        ),
    }
    rooms = {}

    def room_of(session):
        if session.room_id:
            room = {"name": session.room.name, "guid": str(session.room.translation_key)}
        else:
            room = venue_room
        rooms.setdefault(room["guid"], room)
        return room

    by_day = {day.date: day for day in timetable(sessions, tz)}
    days = []
    # The edition's days, and those of associated events outside them.
    for index, day in enumerate(sorted(set(edition.days) | set(by_day)), start=1):
        day_start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
        day_end = day_start + datetime.timedelta(days=1)
        day_rooms = {}
        for session in by_day[day].sessions if day in by_day else []:
            local_start = to_local(session.start, tz)
            room = room_of(session)
            key = session.translation_key
            day_rooms.setdefault(room["name"], []).append(
                {
                    "guid": str(key),
                    "id": legacy_id(key),
                    "date": local_start.isoformat(),
                    "start": local_start.strftime("%H:%M"),
                    "end": to_local(session.end, tz).isoformat(),
                    "duration": hhmm(session.end - session.start),
                    "room": room["name"],
                    "slug": f"{acronym}-{session.slug}",
                    "url": request.build_absolute_uri(session.get_url(request)),
                    "title": session.title
                    + (
                        f" ({session.shown_status_label})"
                        if session.shown_status != "scheduled"
                        else ""
                    ),
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
            )
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": day_start.isoformat(),
                "day_end": day_end.isoformat(),
                "rooms": day_rooms,
            }
        )
    base_url = request.build_absolute_uri("/")
    return {
        "$schema": SCHEMA_URL,
        "generator": GENERATOR,
        "schedule": {
            "version": version(sessions),
            "base_url": base_url,
            "conference": {
                "acronym": acronym,
                "title": edition.title,
                "start": edition.local_start.isoformat(),
                "end": edition.local_end.isoformat(),
                "daysCount": len(days),
                "timeslot_duration": "00:15",
                "time_zone_name": edition.time_zone,
                "url": request.build_absolute_uri(programme.get_url(request)),
                "rooms": list(rooms.values()),
                "days": days,
            },
        },
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
