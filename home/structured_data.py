"""schema.org JSON-LD for editions and sessions (Event, Place, PostalAddress, Offer…)."""

import json

from django.utils.html import mark_safe

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "rescheduled": "EventRescheduled",
    "postponed": "EventPostponed",
    "online": "EventMovedOnline",
    "cancelled": "EventCancelled",
}
AVAILABILITY = {
    "upcoming": "PreOrder",
    "open": "InStock",
    "soldout": "SoldOut",
    "closed": "SoldOut",
}


def as_script_content(data):
    """JSON safe inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
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


def edition_event(edition, request, site_settings, sessions=(), language="fr"):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": request.build_absolute_uri(edition.get_url(request)) + "#event",
        "name": edition.title,
        "url": request.build_absolute_uri(edition.get_url(request)),
        "startDate": edition.local_start.isoformat(),
        "endDate": edition.local_end.isoformat(),
        "eventStatus": SCHEMA + EVENT_STATUS.get(edition.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA
        + (
            "OnlineEventAttendanceMode"
            if edition.status == "online"
            else "OfflineEventAttendanceMode"
        ),
        "inLanguage": language,
        "organizer": organizer(site_settings),
    }
    if edition.theme:
        data["description"] = edition.theme
    if edition.status == "rescheduled" and edition.previous_start:
        data["previousStartDate"] = edition.local(edition.previous_start).isoformat()
    location = place(edition.venue)
    if location:
        data["location"] = location
    registration = edition.registration(language)
    if registration and registration.url:
        offer = {
            "@type": "Offer",
            "url": registration.url,
            "availability": SCHEMA + AVAILABILITY[registration.state],
        }
        if edition.registration_opens:
            offer["validFrom"] = edition.local(edition.registration_opens).isoformat()
        offer["validThrough"] = edition.local(edition.registration_closes_at).isoformat()
        data["offers"] = offer
    if sessions:
        data["subEvent"] = [
            {
                "@type": "Event",
                "@id": request.build_absolute_uri(s.get_url(request)) + "#event",
                "name": s.title,
                "url": request.build_absolute_uri(s.get_url(request)),
                "startDate": edition.local(s.start).isoformat(),
                "endDate": edition.local(s.end).isoformat(),
            }
            for s in sessions
        ]
    return data


def session_event(session, edition, request, site_settings, speakers=()):
    url = request.build_absolute_uri(session.get_url(request))
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url + "#event",
        "name": session.title,
        "url": url,
        "startDate": edition.local(session.start).isoformat(),
        "endDate": edition.local(session.end).isoformat(),
        "eventStatus": SCHEMA + ("EventCancelled" if session.is_cancelled else "EventScheduled"),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "inLanguage": session.language,
        "organizer": organizer(site_settings),
        "superEvent": {
            "@type": "Event",
            "@id": request.build_absolute_uri(edition.get_url(request)) + "#event",
            "name": edition.title,
            "url": request.build_absolute_uri(edition.get_url(request)),
        },
    }
    if session.summary:
        data["description"] = session.summary
    location = place(edition.venue, session.room if session.room_id else None)
    if location:
        data["location"] = location
    if speakers:
        data["performer"] = [{"@type": "Person", "name": s.person.full_name} for s in speakers]
    registration = session.registration_url
    if not registration and edition.registration_state():
        registration = edition.registration_link(session.locale.language_code)
    if registration:
        data["offers"] = {"@type": "Offer", "url": registration}
    return data
