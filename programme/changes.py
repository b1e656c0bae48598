"""What changed in a programme (programme.models.changes): made from the revisions when a
session's French page is published or withdrawn, shown in each language on the change log,
its Atom feed and the session's own page, and counted in calendar events' SEQUENCE."""

from datetime import datetime

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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
    Person, Room = model("Person"), model("Room")  # noqa: N806 (model classes)
    changes = []
    if old["status"] != new["status"]:
        kind = (
            ChangeKind.CANCELLED if new["status"] == SessionStatus.CANCELLED else ChangeKind.STATUS
        )
        changes.append((kind, {"status": old["status"]}, {"status": new["status"]}))
    when = ("start", "end", "dates_only")
    if any(old[name] != new[name] for name in when):
        changes.append((ChangeKind.TIME, {n: old[n] for n in when}, {n: new[n] for n in when}))
    if old["room"] != new["room"]:
        rooms = keys_of(Room, [old["room"], new["room"]])
        changes.append(
            (
                ChangeKind.ROOM,
                {"room": str(rooms[old["room"]]) if old["room"] in rooms else None},
                {"room": str(rooms[new["room"]]) if new["room"] in rooms else None},
            )
        )
    people = keys_of(Person, old["people"] + new["people"])
    for pk in new["people"]:
        if pk not in old["people"] and pk in people:
            changes.append((ChangeKind.SPEAKER_ADDED, {}, {"person": str(people[pk])}))
    for pk in old["people"]:
        if pk not in new["people"] and pk in people:
            changes.append((ChangeKind.SPEAKER_WITHDRAWN, {"person": str(people[pk])}, {}))
    return changes


def record_publication(session, revision):
    """Called when a session page is published (programme/signals.py)."""
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
    SessionChange = model("SessionChange")  # noqa: N806 (a model class)
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
    return {key: count for key, count in rows}


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
    Person, Room, SessionPage = model("Person"), model("Room"), model("SessionPage")  # noqa: N806
    language = language or get_language()
    changes = list(changes)
    keys = {str(c.session_key) for c in changes}
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
    rooms = by_language(
        Room,
        {c.before.get("room") for c in changes} | {c.after.get("room") for c in changes},
        language,
        lambda room: room.name,
    )
    people = by_language(
        Person,
        {c.before.get("person") for c in changes} | {c.after.get("person") for c in changes},
        language,
        lambda person: person.full_name,
    )
    statuses = dict(SessionStatus.choices)
    tzinfo = edition.tzinfo if edition is not None else timezone.get_current_timezone()
    shown = []
    for change in changes:
        key = str(change.session_key)
        page = sessions.get(key)
        names = change.after.get("titles", {})
        title = page.title if page else names.get(language) or names.get(settings.LANGUAGE_CODE, "")
        kind = change.kind
        if kind == ChangeKind.TIME:
            text = time_text(change.before, change.after, tzinfo)
        elif kind == ChangeKind.ROOM:
            unknown = _("to be announced")
            text = _("room: %(before)s → %(after)s") % {
                "before": rooms.get(change.before.get("room"), unknown),
                "after": rooms.get(change.after.get("room"), unknown),
            }
        elif kind == ChangeKind.STATUS:
            text = "{} → {}".format(
                statuses.get(change.before.get("status"), ""),
                statuses.get(change.after.get("status"), ""),
            )
        elif kind == ChangeKind.SPEAKER_ADDED:
            text = _("speaker added: %(name)s") % {"name": people.get(change.after["person"], "")}
        elif kind == ChangeKind.SPEAKER_WITHDRAWN:
            text = _("speaker withdrawn: %(name)s") % {
                "name": people.get(change.before["person"], "")
            }
        else:
            text = str(ChangeKind(kind).label).lower()
        shown.append(
            {
                "at": change.at,
                "day": timezone.localtime(change.at, tzinfo).date(),
                "kind": kind,
                "title": title,
                "page": page,
                "text": text,
                "id": change.pk,
                "key": key,
            }
        )
    return shown


def edition_changes(edition):
    return model("SessionChange").objects.filter(edition_key=edition.translation_key)


def session_changes(session):
    """What visitors saw change on a session (its addition aside), newest first."""
    return (
        model("SessionChange")
        .objects.filter(session_key=session.translation_key)
        .exclude(kind=ChangeKind.ADDED)
    )
