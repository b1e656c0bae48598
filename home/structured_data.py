"""schema.org JSON-LD: what editions and sessions share (Place, Organization, the script
element). The Event is built in editions/structured_data.py, for editions and sessions."""

import json
from typing import NamedTuple

from django.utils.html import mark_safe

from home.dates import last_day, to_local
from home.text import printable

SCHEMA = "https://schema.org/"

# An edition's or a session's status (the same values for both) as schema.org's EventStatusType.
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "rescheduled": "EventRescheduled",
    "postponed": "EventPostponed",
    "online": "EventMovedOnline",
    "cancelled": "EventCancelled",
}


class Period(NamedTuple):
    start: str  # schema.org's startDate
    end: str  # endDate


def period(page, tz):
    """Dates for whole days (``dates_only``), else local date-times."""
    if getattr(page, "dates_only", False):
        return Period(
            to_local(page.start, tz).date().isoformat(), last_day(page.end, tz).isoformat()
        )
    return Period(to_local(page.start, tz).isoformat(), to_local(page.end, tz).isoformat())


def attendance_mode(online):
    return "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"


def as_script_content(data):
    """JSON safe inside <script type="application/ld+json">, without control characters."""
    text = json.dumps(printable(data), ensure_ascii=False, indent=None)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def place(venue, room=None):
    if venue is None:
        return None
    data = {
        "@type": "Place",
        "name": f"{room.name}, {venue.name}" if room else venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street_address,
            "postalCode": venue.postcode,
            "addressLocality": venue.city,
            "addressCountry": venue.country,
        },
    }
    if venue.latitude is not None and venue.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    return data


def organizer(site_settings):
    data = {"@type": "Organization", "name": site_settings.organisation_name}
    if site_settings.website:
        data["url"] = site_settings.website
    return data
