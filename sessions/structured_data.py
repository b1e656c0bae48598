"""schema.org JSON-LD of a session: an Event within its edition's."""

from editions.structured_data import edition_reference, sub_event
from home.structured_data import organizer, place


def session_event(session, edition, request, site_settings, speakers=()):
    url = request.build_absolute_uri(session.get_url(request))
    data = {
        "@context": "https://schema.org",
        **sub_event(session, edition, request),
        "inLanguage": session.language,
        "organizer": organizer(site_settings),
        "superEvent": edition_reference(edition, request),
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
