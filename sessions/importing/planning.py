"""Step 2: check each row against the edition and plan what an import would change.

Nothing is written here. Each problem names its line, in the editor's language. A cell
that cannot be read says so (« ligne 12 : « 4 juiller 2025 » n'est pas une date »); a
session that can be built is checked by its own model (SessionPage.clean), so the import and
the admin apply the same rules with the same words (« ligne 12 : La fin doit être
postérieure au début. »)."""

import datetime
import re
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.dates import whole_days
from home.text import short_slug
from partners.models import Partner

from ..conflicts import Booking, find_conflicts, session_booking
from ..models import (
    Person,
    Room,
    SessionLanguage,
    SessionPage,
    SessionStatus,
    SessionType,
    SpeakerRole,
)
from .cells import CellError, choice_lookup, parse_day, parse_time, text
from .columns import normalise
from .plans import Plan, SessionPlan, SpeakerPlan, differences


class LookupMessages(NamedTuple):
    unknown: str
    ambiguous: str


class RowPeriod(NamedTuple):
    start: datetime.datetime | None
    end: datetime.datetime | None
    dates_only: bool  # no start and no end: history knows the day only (home/dates.py)


ROOM_MESSAGES = LookupMessages(
    gettext_lazy("unknown room « %(name)s » (this edition's venue has: %(known)s)"),
    gettext_lazy(
        "the room « %(name)s » matches %(count)s rooms; make their names different in the admin"
    ),
)
PARTNER_MESSAGES = LookupMessages(
    gettext_lazy("unknown partner « %(name)s »: add it in « Partenaires » first"),
    gettext_lazy(
        "the partner « %(name)s » matches %(count)s partners; make their names different in "
        "the admin"
    ),
)


class Planner:
    def __init__(self, programme):
        self.programme = programme
        self.edition = programme.edition
        locale = programme.locale
        self.types = choice_lookup(
            SessionType.choices,
            extra=[
                ("pleniere", "plenary"),
                ("ateliers", "workshop"),
                ("reunions regionales", "regional"),
                ("rencontres b2b", "b2b"),
                ("b2b", "b2b"),
                ("cafe des rencontres", "cafe"),
                ("cafes des rencontres", "cafe"),
                ("pause cafe", "break"),
                ("dejeuner", "meal"),
                ("cocktail dejeuner", "meal"),
                ("evenement associe", "associated"),
                ("seminaire associe", "associated"),
            ],
        )
        self.languages = choice_lookup(
            SessionLanguage.choices, extra=[("francais", "fr"), ("anglais", "en")]
        )
        self.statuses = choice_lookup(
            SessionStatus.choices,
            extra=[
                ("prevue", "scheduled"),
                ("annulee", "cancelled"),
                ("annule", "cancelled"),
                ("reportee", "postponed"),
                ("reporte", "postponed"),
                ("en ligne", "online"),
                ("deplacee", "rescheduled"),
                ("reprogrammee", "rescheduled"),
            ],
        )
        self.roles = choice_lookup(
            SpeakerRole.choices,
            extra=[
                ("intervenant", "speaker"),
                ("intervenante", "speaker"),
                ("moderateur", "moderator"),
                ("moderatrice", "moderator"),
                ("rapporteuse", "rapporteur"),
            ],
        )
        rooms = Room.objects.filter(locale=locale).select_related("venue")
        if self.edition and self.edition.venue_id:
            rooms = rooms.filter(venue__translation_key=self.edition.venue.translation_key)
        self.rooms = group_by_name(rooms, lambda r: r.name)
        self.people = group_by_name(Person.objects.filter(locale=locale), lambda p: p.full_name)
        self.partners = group_by_name(Partner.objects.filter(locale=locale), lambda p: p.name)
        # A session without a reference yet is known by its slug (what the export writes).
        # Speakers and partners are compared with the file's: fetched once for all sessions.
        self.existing = {
            s.reference or s.slug: s
            for s in SessionPage.objects.child_of(programme).prefetch_related(
                "speakers__person", "organising_partners"
            )
        }
        # SessionPage.clean checks each row's reference against these, without a query.
        programme.sessions_by_reference = {
            s.reference: s.pk for s in self.existing.values() if s.reference
        }

    def plan(self, sheet):
        plan = Plan()
        seen = {}
        for row in sheet.rows:
            problems = []
            session = self.plan_row(row, problems)
            if session is not None and session.reference in seen:
                problems.append(
                    _("the reference %(reference)s is already used on line %(other)s")
                    % {"reference": session.reference, "other": seen[session.reference]}
                )
            if problems:
                plan.problems += [(row.line, message) for message in problems]
                continue
            seen[session.reference] = row.line
            plan.sessions.append(session)
        new_people = {}
        for session in plan.sessions:
            for speaker in session.speakers:
                if speaker.person is None:
                    new_people.setdefault(normalise(speaker.name), speaker.name)
        plan.new_people = sorted(new_people.values())
        plan.conflicts = self.conflicts(plan.sessions)
        return plan

    def conflicts(self, sessions):
        """[(line, message)] of the rows in conflict with another row or with a session of
        the programme the file leaves as it is, by the grid's rule: the programme as it
        would be after the import."""
        bookings = [
            Booking(
                key=("line", session.line),
                title=session.title,
                start=session.start,
                end=session.end,
                room=session.room.pk if session.room else None,
                cancelled=(
                    session.status or (session.existing.status if session.existing else "scheduled")
                )
                == "cancelled",
                people={
                    speaker.person.pk if speaker.person else normalise(speaker.name): (
                        speaker.person.full_name if speaker.person else speaker.name
                    )
                    for speaker in session.speakers
                },
            )
            for session in sessions
        ]
        in_file = {session.existing.pk for session in sessions if session.existing}
        bookings += [
            session_booking(page, page.speakers.all())
            for page in sorted(self.existing.values(), key=lambda page: page.start)
            if page.pk not in in_file
        ]
        found = find_conflicts(bookings)  # the programme's sessions are keyed by pk
        return [
            (key[1], message)
            for key in sorted(key for key in found if isinstance(key, tuple))
            for message in found[key]
        ]

    def cell(self, row, key, problems, parse=text):
        try:
            return parse(row.values.get(key))
        except CellError as error:
            problems.append(str(error))
            return None

    def plan_row(self, row, problems):
        """The plan of one row, or None with its problems listed."""
        values = row.values
        reference = text(values.get("reference"))
        title = text(values.get("title"))
        if not reference:
            problems.append(_("the reference is empty"))
        if not title:
            problems.append(_("the title is empty"))
        start, end, dates_only = self.row_period(row, problems)
        fields = {
            "reference": reference,
            "title": title,
            "start": start,
            "end": end,
            "dates_only": dates_only,
            "session_type": self.row_type(values, problems),
            "room": self.row_room(values, problems),
            "summary": text(values.get("summary")),
            "region": text(values.get("region")),
            "language": self.row_language(values, problems),
        }
        status = self.row_status(values, problems)
        speakers = self.plan_speakers(text(values.get("speakers")), problems)
        partners = self.row_partners(values, problems)
        existing = self.existing.get(reference)
        if start and end:
            # The session's own rules, with the admin's words (SessionPage.clean).
            problems += self.model_problems(existing, **fields)
        if problems:
            return None
        session = SessionPlan(
            line=row.line,
            **fields,
            other_organisers="\n".join(split_lines(text(values.get("organisers")))),
            speakers=speakers,
            partners=partners,
            status=status,
            existing=existing,
        )
        if session.existing is not None:
            session.changes = differences(session, session.existing)
        return session

    def row_period(self, row, problems):
        """The row's period; without a start and an end, its day only."""
        values = row.values
        day = self.cell(row, "day", problems, parse_day)
        tz = self.edition.tzinfo if self.edition else datetime.UTC
        dates_only = not text(values.get("start")) and not text(values.get("end"))
        if dates_only:
            return (
                RowPeriod(*whole_days(day, day, tz), True) if day else RowPeriod(None, None, True)
            )
        start_time = self.cell(row, "start", problems, parse_time)
        end_time = self.cell(row, "end", problems, parse_time)
        if not (day and start_time and end_time):
            return RowPeriod(None, None, False)
        return RowPeriod(
            datetime.datetime.combine(day, start_time, tzinfo=tz),
            datetime.datetime.combine(day, end_time, tzinfo=tz),
            False,
        )

    def row_type(self, values, problems):
        session_type = self.types.get(normalise(text(values.get("type"))).strip("«» "))
        if session_type is None:
            problems.append(
                _("unknown session type « %(value)s »") % {"value": text(values.get("type"))}
            )
        return session_type

    def row_room(self, values, problems):
        name = text(values.get("room"))
        return self.one(self.rooms, name, problems, ROOM_MESSAGES) if name else None

    def row_language(self, values, problems):
        written = text(values.get("language"))
        if not written:
            return "fr"
        language = self.languages.get(normalise(written))
        if language is None:
            problems.append(_("unknown language « %(value)s »") % {"value": written})
        return language

    def row_status(self, values, problems):
        if "status" not in values:
            return None  # the column is not in the file: each session keeps its own
        written = text(values.get("status"))
        status = self.statuses.get(normalise(written), None) if written else "scheduled"
        if status is None:
            problems.append(_("unknown status « %(value)s »") % {"value": written})
        return status

    def row_partners(self, values, problems):
        partners = []
        for name in split_lines(text(values.get("partners"))):
            partner = self.one(self.partners, name, problems, PARTNER_MESSAGES)
            if partner is not None and partner not in partners:
                partners.append(partner)
        return partners

    def model_problems(self, existing, **values):
        """Build the session the row describes, in its place below the programme, and run
        its own validation: the messages are the admin's, in the order of the fields."""
        values = {name: value for name, value in values.items() if value is not None}
        page = SessionPage(locale=self.programme.locale, **values)
        if existing is not None:
            page.id = page.pk = existing.pk
            page.slug = existing.slug
        else:
            # The writer takes the first free slug when it adds the page (the page checked
            # here has no place in the tree yet, so Wagtail's slug check has no siblings).
            page.slug = short_slug(page.title, 80, "seance")
        page._parent_for_validation = self.programme
        page.know_edition(self.edition)
        checked = set(values) | {"slug"}
        try:
            page.clean_fields(
                exclude=[f.name for f in SessionPage._meta.fields if f.name not in checked]
            )
            page.clean()
        except ValidationError as error:
            return [message for messages in error.message_dict.values() for message in messages]
        return []

    def one(self, index, name, problems, messages):
        """The one entry of `index` called `name`, else None and a problem from `messages`
        (whole sentences per kind, so that each language can agree them)."""
        found = index.get(normalise(name), [])
        if not found:
            known = sorted({entry.name for entries in index.values() for entry in entries})
            problems.append(messages.unknown % {"name": name, "known": ", ".join(known) or "—"})
            return None
        if len(found) > 1:
            problems.append(messages.ambiguous % {"name": name, "count": len(found)})
            return None
        return found[0]

    def plan_speakers(self, cell, problems):
        speakers = []
        for line in split_lines(cell):
            parts = [part.strip() for part in line.split("|")]
            name = parts[0]
            function = parts[1] if len(parts) > 1 else ""
            role = "speaker"
            if len(parts) > 2 and parts[2]:
                role = self.roles.get(normalise(parts[2]))
                if role is None:
                    problems.append(
                        _("unknown role « %(role)s » for %(name)s")
                        % {"role": parts[2], "name": name}
                    )
                    continue
            matches = self.people.get(normalise(name), [])
            if len(matches) > 1:
                problems.append(
                    _("the speaker name « %(name)s » matches %(count)s people")
                    % {"name": name, "count": len(matches)}
                )
                continue
            speakers.append(
                SpeakerPlan(
                    name=name, function=function, role=role, person=matches[0] if matches else None
                )
            )
        return speakers


def split_lines(cell):
    return [line.strip() for line in re.split(r"[\n;]", cell or "") if line.strip()]


def group_by_name(objects, name_of):
    index = {}
    for obj in objects:
        index.setdefault(normalise(name_of(obj)), []).append(obj)
    return index
