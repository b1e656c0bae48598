"""schema.org JSON-LD of an edition: an Event with its place, offer and sessions; and the
Event every session's own data builds on (sessions/structured_data.py)."""

from home.structured_data import EVENT_STATUS, SCHEMA, attendance_mode, organizer, period, place

AVAILABILITY = {
    "upcoming": "PreOrder",
    "open": "InStock",
    "soldout": "SoldOut",
}


def event_reference(url, name):
    """An Event named by its page's address: what another Event points to (a session's
    ``superEvent``); its ``@id`` is the one the page's own data gives it."""
    return {"@type": "Event", "@id": url + "#event", "name": name, "url": url}


def event(url, name, when, status, online):
    """What every Event of ours says, an edition's or a session's: its page, its dates
    (`when`, home.structured_data.period), its status (an EventStatusType) and whether it
    happens online."""
    start, end = when
    return {
        **event_reference(url, name),
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + status,
        "eventAttendanceMode": SCHEMA + attendance_mode(online),
    }


def edition_reference(edition, request):
    return event_reference(
        request.build_absolute_uri(edition.get_url(request)), edition.event_name or edition.title
    )


def edition_event(edition, request, site_settings, sessions=(), language="fr"):
    data = {
        "@context": "https://schema.org",
        **event(
            request.build_absolute_uri(edition.get_url(request)),
            edition.event_name or edition.title,
            period(edition, edition.tzinfo),
            EVENT_STATUS.get(edition.status, "EventScheduled"),
            online=edition.status == "online",
        ),
        "inLanguage": language,
        "organizer": organizer(site_settings),
    }
    if edition.event_name:
        data["alternateName"] = edition.title
    if edition.theme:
        data["description"] = edition.theme
    if edition.status == "rescheduled" and edition.previous_start:
        previous = edition.local(edition.previous_start)
        data["previousStartDate"] = (
            previous.date().isoformat() if edition.dates_only else previous.isoformat()
        )
    location = place(edition.venue)
    if location:
        data["location"] = location
    registration = edition.registration(language)
    # Nothing is offered once registration has closed (SoldOut means sold out, not closed).
    if registration and registration.url and registration.state != "closed":
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
        data["subEvent"] = [sub_event(s, edition, request) for s in sessions]
    return data


def sub_event(session, edition, request):
    """A session's Event as its edition lists it; the session's own page adds to it."""
    return event(
        request.build_absolute_uri(session.get_url(request)),
        session.title,
        period(session, edition.tzinfo),
        EVENT_STATUS[session.shown_status],
        online=session.is_online,
    )
