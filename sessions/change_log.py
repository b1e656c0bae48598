"""The change log as visitors read it, in each language: the programme's change log, its
Atom feed and a session's own page (the changes are recorded by sessions/changes.py)."""

from datetime import datetime
from typing import NamedTuple

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home import visibility

from .changes import model
from .choices import ChangeKind, SessionStatus


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
