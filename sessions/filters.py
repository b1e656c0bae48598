"""Programme filters, read from the query string: combinable; a malformed value is ignored,
a well-formed one that matches nothing says so."""

import datetime
from urllib.parse import urlencode

from sessions.choices import SessionLanguage, SessionType
from sessions.timetable import days_of, local_day

FILTER_NAMES = ("day", "type", "room", "region", "language")


def read_filters(params, session_types, languages):
    """The well-formed filters among `params` (types and languages among the known codes)."""
    active = {}
    try:
        day = datetime.date.fromisoformat(params.get("day", ""))
    except ValueError:
        day = None
    if day is not None:
        active["day"] = day
    if params.get("type", "") in session_types:
        active["type"] = params["type"]
    room = params.get("room", "")
    # ASCII digits only: str.isdigit() also accepts « ² », which int() refuses.
    if room.isascii() and room.isdigit() and len(room) <= 18:
        active["room"] = int(room)
    region = params.get("region", "").strip()[:150]
    if region:
        active["region"] = region
    if params.get("language", "") in languages:
        active["language"] = params["language"]
    return active


def apply_filters(sessions, filters, tz):
    def keep(session):
        return (
            ("day" not in filters or local_day(session, tz) == filters["day"])
            and ("type" not in filters or session.session_type == filters["type"])
            and ("room" not in filters or session.room_id == filters["room"])
            and ("region" not in filters or session.region == filters["region"])
            and ("language" not in filters or session.language == filters["language"])
        )

    return [session for session in sessions if keep(session)]


def filter_pairs(filters):
    """[(name, value as the URL writes it)], in the order of FILTER_NAMES."""
    return [
        (name, filters[name].isoformat() if name == "day" else str(filters[name]))
        for name in FILTER_NAMES
        if name in filters
    ]


def query_string(filters):
    """The filters as they appear in the URL (for the export links)."""
    pairs = filter_pairs(filters)
    return f"?{urlencode(pairs)}" if pairs else ""


def offered(filters, options):
    """Whether every filter names one of the `options` ({name: values offered})."""
    return all(filters[name] in options[name] for name in FILTER_NAMES if name in filters)


def options_of(sessions, tz):
    """{name: the values the programme's sessions offer}, for each filter."""
    return {
        "day": set(days_of(sessions, tz)),
        "type": {s.session_type for s in sessions},
        "room": {s.room_id for s in sessions if s.room_id},
        "region": {s.region for s in sessions if s.region},
        "language": {s.language for s in sessions},
    }


def filter_context(sessions, filters, options):
    """What the programme's filter form shows: the active filters and each filter's
    choices among what the sessions offer, in the order a visitor expects."""
    return {
        "filters": filters,
        "day_options": sorted(options["day"]),
        "type_options": [(v, label) for v, label in SessionType.choices if v in options["type"]],
        "room_options": sorted(
            {s.room_id: s.room for s in sessions if s.room_id}.values(), key=lambda r: r.name
        ),
        "region_options": sorted(options["region"]),
        "language_options": [
            (v, label) for v, label in SessionLanguage.choices if v in options["language"]
        ],
    }
