"""schema.org JSON-LD of a session: an Event within its edition's."""

from home.structured_data import EVENT_STATUS, SCHEMA, attendance_mode, organizer, period, place


def session_event(session, edition, request, site_settings, speakers=()):
    url = request.build_absolute_uri(session.get_url(request))
    start, end = period(session, edition.tzinfo)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url + "#event",
        "name": session.title,
        "url": url,
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + EVENT_STATUS[session.shown_status],
        "eventAttendanceMode": SCHEMA + attendance_mode(session.is_online),
        "inLanguage": session.language,
        "organizer": organizer(site_settings),
        "superEvent": {
            "@type": "Event",
            "@id": request.build_absolute_uri(edition.get_url(request)) + "#event",
            "name": edition.event_name or edition.title,
            "url": request.build_absolute_uri(edition.get_url(request)),
        },
    }
    if session.summary:
        data["description"] = session.summary
    location = place(edition.venue, session.room if session.room_id else None)
    if session.is_online:
        location = {"@type": "VirtualLocation", "url": url}
    if location:
        data["location"] = location
    organisers = session.other_organisers_list()
    if organisers:
        data["organizer"] = [
            data["organizer"],
            *({"@type": "Organization", "name": name} for name in organisers),
        ]
    if speakers:
        data["performer"] = [{"@type": "Person", "name": s.person.full_name} for s in speakers]
    registration = session.registration_url
    if not session.can_be_attended:
        registration = ""
    elif not registration and edition.registration_state():
        registration = edition.registration_link(session.locale.language_code)
    if registration:
        data["offers"] = {"@type": "Offer", "url": registration}
    return data
