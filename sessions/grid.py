"""The programme at a glance for editors: days × rooms × time, with what needs attention
(two sessions in one room at once, a speaker in two places at once, a session without a
room or a speaker, drafts, translations missing or unpublished)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from home.translation import UNTRANSLATED, statuses

from . import conflicts
from .models import SessionPage, SessionSpeaker
from .timetable import timetable


def find_conflicts(sessions, speakers_by_session):
    """{session pk: [messages]} for room overlaps and double-booked speakers, by the rule
    the import's preview applies too (programme.conflicts)."""
    return conflicts.find_conflicts(
        [conflicts.session_booking(s, speakers_by_session.get(s.pk, [])) for s in sessions]
    )


@dataclass
class Cell:
    session: SessionPage
    speakers: list
    conflicts: list
    translations: list  # (language code, state): untranslated / outdated / current
    warnings: list = field(default_factory=list)


def build_grid(programme):
    """[{day, rooms: [room or None], rows: [{time, cells: [[Cell]]}]}], one query per kind."""
    sessions = list(
        SessionPage.objects.child_of(programme)
        .select_related("room")
        .order_by("start", "room__name", "path")
    )
    speakers = defaultdict(list)
    for row in SessionSpeaker.objects.filter(session__in=sessions).select_related("person"):
        speakers[row.session_id].append(row)
    found = find_conflicts(sessions, speakers)
    other_locales = list(Locale.objects.exclude(pk=programme.locale_id).order_by("language_code"))
    keys = [s.translation_key for s in sessions]
    translated = {
        (key, locale.pk): state
        for locale in other_locales
        for key, state in statuses(Page, keys, locale).items()
    }

    grid = []
    for day in timetable(sessions, programme.tzinfo):
        day_sessions = day.sessions
        rooms = sorted({s.room for s in day_sessions if s.room}, key=lambda r: r.name)
        if any(s.room is None for s in day_sessions):
            rooms.append(None)
        rows = []
        for slot in day.slots:
            cells = [[] for _room in rooms]
            for session in slot.sessions:
                cell = Cell(
                    session=session,
                    speakers=speakers.get(session.pk, []),
                    conflicts=found.get(session.pk, []),
                    translations=[
                        (
                            locale.language_code,
                            translated.get((session.translation_key, locale.pk), UNTRANSLATED),
                        )
                        for locale in other_locales
                    ],
                )
                if session.room is None:
                    cell.warnings.append(_("No room"))
                if not cell.speakers and session.session_type in SPEAKER_TYPES:
                    cell.warnings.append(_("No speaker"))
                cells[rooms.index(session.room)].append(cell)
            rows.append({"time": slot.local_start.time(), "cells": cells})
        grid.append({"day": day.date, "rooms": rooms, "rows": rows})
    return grid


# Session types that are expected to have speakers (a coffee break is not).
SPEAKER_TYPES = {"plenary", "workshop", "regional", "cafe", "country_plenary", "opening", "other"}
