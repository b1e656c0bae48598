"""What changed in a programme (sessions.models.changes): made from the revisions when a
session's French page is published or withdrawn, and from a French room's row when it is
renamed or deleted; shown in each language on the change log, its Atom feed and the
session's own page, and counted in calendar events' SEQUENCE."""

from datetime import datetime
from typing import NamedTuple

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import PageLogEntry

from home import visibility
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


# --- shown in a language ----------------------------------------------------------------


def by_language(snippet, keys, language, value):
    """{translation key: value(row)} of the `snippet` model's rows in `language`, or in
    French where it has no row; published ones only (a draft's name is never shown, nor a
    translation whose French is not published)."""
    keys = [key for key in keys if key]
    if not keys:
        return {}
    rows = (
        snippet.objects.live()
        .filter(
            translation_key__in=keys, locale__language_code__in={language, settings.LANGUAGE_CODE}
        )
        .select_related("locale")
    )
    found = {}
    rows = sorted(rows, key=lambda r: r.locale.language_code == language)
    french = {
        str(r.translation_key) for r in rows if r.locale.language_code == settings.LANGUAGE_CODE
    }
    for row in rows:
        if str(row.translation_key) in french:
            found[str(row.translation_key)] = value(row)
    return found


def moment(value, tzinfo, dates_only, with_date):
    local = timezone.localtime(datetime.fromisoformat(value), tzinfo)
    if dates_only:
        return date_format(local, "MONTH_DAY_FORMAT")
    if with_date:
        return f"{date_format(local, 'MONTH_DAY_FORMAT')}, {time_format(local, 'TIME_FORMAT')}"
    return time_format(local, "TIME_FORMAT")


def time_text(before, after, tzinfo):
    """« 11 h 30 → 11 h 45 », with the day when it changes, the end when only it changes."""
    if not before.get("start") or not after.get("start"):
        return ""
    days = {
        timezone.localtime(datetime.fromisoformat(v), tzinfo).date()
        for v in (before["start"], after["start"])
    }
    dates_only = before["dates_only"] or after["dates_only"]
    with_date = len(days) > 1
    if before["start"] != after["start"] or dates_only:
        return "{} → {}".format(
            moment(before["start"], tzinfo, before["dates_only"], with_date),
            moment(after["start"], tzinfo, after["dates_only"], with_date),
        )

    def span(facts):
        return "{} – {}".format(
            moment(facts["start"], tzinfo, False, False), moment(facts["end"], tzinfo, False, False)
        )

    return f"{span(before)} → {span(after)}"


def described(changes, edition, language=None):
    """Each change as a visitor reads it in `language`: [{at, kind, session title, session
    page (or None when it is gone), text}], in the order given."""
    language = language or get_language()
    changes = list(changes)
    sessions = shown_sessions({str(c.session_key) for c in changes}, language)
    names = ChangeNames.of(changes, language)
    tzinfo = edition.tzinfo if edition is not None else timezone.get_current_timezone()
    shown = []
    for change in changes:
        key = str(change.session_key)
        page = sessions.get(key)
        shown.append(
            {
                "at": change.at,
                "day": timezone.localtime(change.at, tzinfo).date(),
                "kind": change.kind,
                "title": session_title(change, page, language),
                "page": page,
                "text": change_text(change, names, tzinfo),
                "id": change.pk,
                "key": key,
            }
        )
    return shown


def shown_sessions(keys, language):
    """{translation key: live session page} in `language`, or the French one where it has
    none: a change links to the page the visitor would read."""
    SessionPage = model("SessionPage")
    sessions = {}
    for session in (
        SessionPage.objects.live()
        .filter(
            translation_key__in=keys, locale__language_code__in={language, settings.LANGUAGE_CODE}
        )
        .select_related("locale")
    ):
        key = str(session.translation_key)
        if key not in sessions or session.locale.language_code == language:
            sessions[key] = session
    return sessions


class ChangeNames(NamedTuple):
    """The names of the rooms and people the changes mention, in one query per model rather
    than one per change."""

    language: str
    rooms: dict  # {translation key: name}
    people: dict  # {translation key: full name}

    @classmethod
    def of(cls, changes, language):
        def mentioned(fact):
            return {c.before.get(fact) for c in changes} | {c.after.get(fact) for c in changes}

        return cls(
            language,
            rooms=by_language(model("Room"), mentioned("room"), language, lambda r: r.name),
            people=by_language(
                model("Person"), mentioned("person"), language, lambda p: p.full_name
            ),
        )


def session_title(change, page, language):
    """The live page's title; a session no longer published keeps the title recorded with
    the change, in `language` or else in French."""
    if page:
        return page.title
    titles = change.after.get("titles", {})
    return titles.get(language) or titles.get(settings.LANGUAGE_CODE, "")


def change_text(change, names, tzinfo):
    """What changed, in the visitor's words: « 11 h 30 → 11 h 45 », « salle : A → B »…"""
    kind = change.kind
    if kind == ChangeKind.TIME:
        return time_text(change.before, change.after, tzinfo)
    if kind == ChangeKind.ROOM:
        return _("room: %(before)s → %(after)s") % room_text(
            change, names.rooms, names.language, _("to be announced")
        )
    if kind == ChangeKind.STATUS:
        statuses = dict(SessionStatus.choices)
        return "{} → {}".format(
            statuses.get(change.before.get("status"), ""),
            statuses.get(change.after.get("status"), ""),
        )
    if kind == ChangeKind.SPEAKER_ADDED:
        return _("speaker added: %(name)s") % {"name": names.people.get(change.after["person"], "")}
    if kind == ChangeKind.SPEAKER_WITHDRAWN:
        return _("speaker withdrawn: %(name)s") % {
            "name": names.people.get(change.before["person"], "")
        }
    return str(ChangeKind(kind).label).lower()


def room_text(change, rooms, language, unknown):
    """{before, after}: the room's names in `language`. A room renamed or deleted keeps the
    names visitors read then; a rename that left `language`'s own name as it was (its
    translator has not followed yet) is told with the French names."""
    before, after = change.before.get("names"), change.after.get("names")
    if before and after and before.get(language) == after.get(language):
        language = settings.LANGUAGE_CODE

    def name(facts, names):
        if names:
            return names.get(language) or names.get(settings.LANGUAGE_CODE) or unknown
        return rooms.get(facts.get("room"), unknown)

    return {"before": name(change.before, before), "after": name(change.after, after)}


def edition_changes(edition, within=None):
    """The changes of the edition's sessions, but those of sessions a restriction hides from
    a visitor of the page `within` (home/visibility.py)."""
    rows = model("SessionChange").objects.filter(edition_key=edition.translation_key)
    hidden = visibility.restricted_keys(model("SessionPage"), within)
    return rows if hidden is None else rows.exclude(session_key__in=hidden)


def session_changes(session):
    """What visitors saw change on a session (its addition aside), newest first."""
    return (
        model("SessionChange")
        .objects.filter(session_key=session.translation_key)
        .exclude(kind=ChangeKind.ADDED)
    )
