"""schema.org JSON-LD of an edition: an Event with its place, offer and sessions."""

from home.structured_data import EVENT_STATUS, SCHEMA, attendance_mode, organizer, period, place

AVAILABILITY = {
    "upcoming": "PreOrder",
    "open": "InStock",
    "soldout": "SoldOut",
}


def edition_event(edition, request, site_settings, sessions=(), language="fr"):
    start, end = period(edition, edition.tzinfo)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": request.build_absolute_uri(edition.get_url(request)) + "#event",
        "name": edition.event_name or edition.title,
        "url": request.build_absolute_uri(edition.get_url(request)),
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + EVENT_STATUS.get(edition.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + attendance_mode(edition.status == "online"),
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
    url = request.build_absolute_uri(session.get_url(request))
    start, end = period(session, edition.tzinfo)
    return {
        "@type": "Event",
        "@id": url + "#event",
        "name": session.title,
        "url": url,
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + EVENT_STATUS[session.shown_status],
        "eventAttendanceMode": SCHEMA + attendance_mode(session.is_online),
    }
