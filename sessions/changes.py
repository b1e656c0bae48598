"""What changed in a programme (sessions.models.changes): made from the revisions when a
session's French page is published or withdrawn, and from a French room's row when it is
renamed or deleted; counted in calendar events' SEQUENCE, and shown in each language by
sessions/change_log.py."""

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from wagtail.models import PageLogEntry

from home.translation.facts import is_source

from .choices import ChangeKind, SessionStatus

__all__ = ["ChangeKind"]


def model(name):
    """The programme's models, found through the app registry: they use this module (the
    programme page, the session page), so it does not import them."""
    from django.apps import apps

    return apps.get_model("programme", name)


PUBLISHED = ("wagtail.publish", "wagtail.publish.scheduled")
WITHDRAWN = ("wagtail.unpublish", "wagtail.unpublish.scheduled")


def facts(session):
    """What the change log follows of a session, as visitors see it."""
    return {
        "start": session.start.isoformat() if session.start else None,
        "end": session.end.isoformat() if session.end else None,
        "dates_only": bool(session.dates_only),
        "room": session.room_id,
        "status": session.status,
        "people": [row.person_id for row in session.speakers.all()],
    }


def last_seen(session, revision):
    """The revision visitors saw before `revision` is published: the last one published,
    unless the page was withdrawn since (or never published)."""
    entry = (
        PageLogEntry.objects.filter(page_id=session.pk, action__in=PUBLISHED + WITHDRAWN)
        .exclude(revision_id=getattr(revision, "pk", None))
        .order_by("-pk")  # the order they were written in (timestamps may be set)
        .first()
    )
    if entry is None or entry.action in WITHDRAWN or entry.revision is None:
        return None
    return entry.revision


def titles(session):
    """The session's title in each language it is live in (a withdrawn or deleted session is
    still named in the log)."""
    rows = (
        model("SessionPage")
        .objects.filter(translation_key=session.translation_key)
        .values_list("locale__language_code", "title")
    )
    found = dict(rows)
    found[session.locale.language_code] = session.title
    return found


def keys_of(snippet, pks):
    """{pk: translation key} of the `snippet` model's rows `pks`."""
    rows = snippet.objects.filter(pk__in=[pk for pk in pks if pk])
    return dict(rows.values_list("pk", "translation_key"))


def compare(old, new):
    """[(kind, before, after)] from two `facts`, with rooms and people as translation keys."""
    Person, Room = model("Person"), model("Room")
    changes = []
    if old["status"] != new["status"]:
        kind = (
            ChangeKind.CANCELLED if new["status"] == SessionStatus.CANCELLED else ChangeKind.STATUS
        )
        changes.append((kind, {"status": old["status"]}, {"status": new["status"]}))
    when = ("start", "end", "dates_only")
    if any(old[name] != new[name] for name in when):
        changes.append((ChangeKind.TIME, {n: old[n] for n in when}, {n: new[n] for n in when}))
    rooms = keys_of(Room, [old["room"], new["room"]])
    before, after = (str(rooms[pk]) if pk in rooms else None for pk in (old["room"], new["room"]))
    if before != after:
        # By translation key: a room deleted since the last publication was recorded when
        # it was deleted (record_room_change), not again now.
        changes.append((ChangeKind.ROOM, {"room": before}, {"room": after}))
    people = keys_of(Person, old["people"] + new["people"])
    for pk in new["people"]:
        if pk not in old["people"] and pk in people:
            changes.append((ChangeKind.SPEAKER_ADDED, {}, {"person": str(people[pk])}))
    for pk in old["people"]:
        if pk not in new["people"] and pk in people:
            changes.append((ChangeKind.SPEAKER_WITHDRAWN, {"person": str(people[pk])}, {}))
    return changes


def record_publication(session, revision):
    """Called when a session page is published (sessions/signals.py)."""
    if session.alias_of_id or not is_source(session):
        return  # translations follow the French page's facts
    edition = session.edition
    if edition is None:
        return
    now = timezone.now()
    previous = last_seen(session, revision)
    if previous is None:
        programme = session.get_parent().specific
        announced = getattr(programme, "announced_at", None)
        changes = [(ChangeKind.ADDED, {}, {})] if announced and announced <= now else []
    else:
        changes = compare(facts(previous.as_object()), facts(session))
    if not changes:
        return
    names = titles(session)
    SessionChange = model("SessionChange")
    SessionChange.objects.bulk_create(
        SessionChange(
            edition_key=edition.translation_key,
            session_key=session.translation_key,
            at=now,
            kind=kind,
            before=before,
            after={**after, "titles": names},
            revision=revision,
        )
        for kind, before, after in changes
    )


def record_withdrawal(session):
    """Called when a live session page is unpublished or deleted."""
    if session.alias_of_id or not is_source(session) or session.edition is None:
        return
    model("SessionChange").objects.create(
        edition_key=session.edition.translation_key,
        session_key=session.translation_key,
        at=timezone.now(),
        kind=ChangeKind.WITHDRAWN,
        after={"titles": titles(session)},
    )


def room_names(room, own_name=None):
    """{language: the room's name as that language's pages show it}: its copy's name, or
    the French room's (`own_name` in place of the French row's, before it is saved)."""
    own_name = room.name if own_name is None else own_name
    copies = dict(
        type(room)
        .objects.filter(translation_key=room.translation_key)
        .exclude(pk=room.pk)
        .values_list("locale__language_code", "name")
    )
    return {code: copies.get(code, own_name) for code, _name in settings.LANGUAGES} | {
        room.locale.language_code: own_name
    }


def record_room_change(room, before, after=None):
    """The French `room` was renamed (names `before` → its names now) or is being deleted
    (`after` None): a room change of each published session in it, which calendars count
    in their SEQUENCE. Called by sessions/signals.py, from the room's row itself, so that
    a room whose edits wait for their publication is recorded when its row changes."""
    if not is_source(room):
        return  # a translator's words; the French room is the fact
    sessions = (
        model("SessionPage")
        .objects.live()
        .filter(room=room, alias_of__isnull=True)
        .select_related("locale")
    )
    key = str(room.translation_key)
    now = timezone.now()
    rows = []
    for session in sessions:
        edition = session.edition
        if edition is None:
            continue
        rows.append(
            model("SessionChange")(
                edition_key=edition.translation_key,
                session_key=session.translation_key,
                at=now,
                kind=ChangeKind.ROOM,
                before={"room": key, "names": before},
                after={
                    "room": key if after is not None else None,
                    **({"names": after} if after is not None else {}),
                    "titles": titles(session),
                },
            )
        )
    model("SessionChange").objects.bulk_create(rows)


def forget_deleted_room(room):
    """The French `room` is being deleted: its sessions lose it (on_delete=SET_NULL), and so
    do their translations, which point to the room's copies: a session's room is the French
    page's in every language (home/translation/)."""
    if not is_source(room):
        return
    SessionPage = model("SessionPage")
    keys = list(SessionPage.objects.filter(room=room).values_list("translation_key", flat=True))
    SessionPage.objects.filter(
        translation_key__in=keys, room__translation_key=room.translation_key
    ).exclude(locale_id=room.locale_id).update(room=None)


def sequences(sessions):
    """{translation key: the number of changes calendars were told of} for `sessions`: an
    event's SEQUENCE (RFC 5545), so that calendar apps replace what they had."""
    keys = [session.translation_key for session in sessions]
    rows = (
        model("SessionChange")
        .objects.filter(session_key__in=keys)
        .exclude(kind=ChangeKind.ADDED)
        .values_list("session_key")
        .annotate(count=Count("pk"))
    )
    return dict(rows)
