"""Step 2: check each row against the edition and plan what an import would change.

Nothing is written here. Each problem names its line, in the editor's language
(« ligne 12 : l'heure de fin 10:30 précède l'heure de début 11:00 »)."""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from partners.models import Partner

from ..models import Person, Room, SessionLanguage, SessionPage, SessionType, SpeakerRole
from .columns import normalise

MONTHS = {
    # French, English and Spanish month names, without accents.
    **dict.fromkeys(["janvier", "january", "enero", "janv", "jan"], 1),
    **dict.fromkeys(["fevrier", "february", "febrero", "fevr", "feb"], 2),
    **dict.fromkeys(["mars", "march", "marzo", "mar"], 3),
    **dict.fromkeys(["avril", "april", "abril", "avr", "apr"], 4),
    **dict.fromkeys(["mai", "may", "mayo"], 5),
    **dict.fromkeys(["juin", "june", "junio", "jun"], 6),
    **dict.fromkeys(["juillet", "july", "julio", "juil", "jul"], 7),
    **dict.fromkeys(["aout", "august", "agosto", "aug"], 8),
    **dict.fromkeys(["septembre", "september", "septiembre", "sept", "sep"], 9),
    **dict.fromkeys(["octobre", "october", "octubre", "oct"], 10),
    **dict.fromkeys(["novembre", "november", "noviembre", "nov"], 11),
    **dict.fromkeys(["decembre", "december", "diciembre", "dec"], 12),
}
EXCEL_EPOCH = datetime.date(1899, 12, 30)


class CellError(Exception):
    pass


def text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_day(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return excel_serial_day(value)
    raw = text(value)
    if re.fullmatch(r"\d{5}(\.0+)?", raw):
        return excel_serial_day(float(raw))
    try:
        return datetime.date.fromisoformat(raw[:10])
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return checked_date(year, month, day, raw)
    day = month = year = None
    for word in normalise(raw).replace(",", " ").split():
        word = word.rstrip(".")
        if word in MONTHS:
            month = MONTHS[word]
        elif re.fullmatch(r"\d{4}", word):
            year = int(word)
        elif re.fullmatch(r"\d{1,2}(er)?", word):
            day = int(re.match(r"\d+", word).group())
        # weekday names (« vendredi ») and « de » are read past
    if day and month and year:
        return checked_date(year, month, day, raw)
    raise CellError(
        _("« %(value)s » is not a date (04/07/2025 or 4 juillet 2025)") % {"value": raw}
    )


def checked_date(year, month, day, raw):
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise CellError(_("« %(value)s » is not a date") % {"value": raw}) from error


def excel_serial_day(serial):
    if not 20000 <= serial <= 80000:
        raise CellError(_("« %(value)s » is not a date") % {"value": text(serial)})
    return EXCEL_EPOCH + datetime.timedelta(days=int(serial))


def parse_time(value):
    if isinstance(value, datetime.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:  # Excel's fraction of a day
        minutes = round(value * 24 * 60)
        return datetime.time(minutes // 60, minutes % 60)
    raw = text(value)
    match = re.fullmatch(r"(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?(?::\d{2})?", raw)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if hours < 24 and minutes < 60:
            return datetime.time(hours, minutes)
    raise CellError(_("« %(value)s » is not a time (9:30 or 9h30)") % {"value": raw})


def choice_lookup(choices, extra=()):
    """Normalised label (in every site language) or code -> code."""
    found = {}
    for code, label in choices:
        found[normalise(code)] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                found[normalise(str(label)).strip("«» ")] = code
    for name, code in extra:
        found[normalise(name)] = code
    return found


@dataclass
class SpeakerPlan:
    name: str
    function: str
    role: str
    person: Person | None = None  # None: a new person, created on writing


@dataclass
class SessionPlan:
    line: int
    reference: str
    title: str
    start: datetime.datetime
    end: datetime.datetime
    session_type: str
    room: Room | None
    summary: str
    region: str
    language: str
    speakers: list
    partners: list
    existing: SessionPage | None = None
    changes: list = field(default_factory=list)  # field labels that differ

    @property
    def action(self):
        if self.existing is None:
            return "create"
        return "update" if self.changes else "unchanged"


@dataclass
class Plan:
    sessions: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # (line, message)
    new_people: list = field(default_factory=list)

    def of(self, action):
        return [s for s in self.sessions if s.action == action]

    @property
    def creates(self):
        return self.of("create")

    @property
    def updates(self):
        return self.of("update")

    @property
    def unchanged(self):
        return self.of("unchanged")

    @property
    def is_valid(self):
        return not self.problems


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
            ],
        )
        self.languages = choice_lookup(
            SessionLanguage.choices, extra=[("francais", "fr"), ("anglais", "en")]
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
        rooms = Room.objects.filter(locale=locale)
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
                "speakers", "organising_partners"
            )
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
        return plan

    def cell(self, row, key, problems, parse=text):
        try:
            return parse(row.values.get(key))
        except CellError as error:
            problems.append(str(error))
            return None

    def plan_row(self, row, problems):
        values = row.values
        reference = text(values.get("reference"))
        title = text(values.get("title"))
        if not reference:
            problems.append(_("the reference is empty"))
        if not title:
            problems.append(_("the title is empty"))
        day = self.cell(row, "day", problems, parse_day)
        start_time = self.cell(row, "start", problems, parse_time)
        end_time = self.cell(row, "end", problems, parse_time)
        start = end = None
        if day and start_time and end_time:
            tz = self.edition.tzinfo if self.edition else datetime.UTC
            start = datetime.datetime.combine(day, start_time, tzinfo=tz)
            end = datetime.datetime.combine(day, end_time, tzinfo=tz)
            if end <= start:
                problems.append(
                    _("the end time %(end)s comes before the start time %(start)s")
                    % {"end": end_time.strftime("%H:%M"), "start": start_time.strftime("%H:%M")}
                )
            elif self.edition and day not in self.edition.days:
                problems.append(
                    _("the date %(day)s is outside the edition (%(days)s)")
                    % {
                        "day": day.strftime("%d/%m/%Y"),
                        "days": ", ".join(d.strftime("%d/%m/%Y") for d in self.edition.days),
                    }
                )
        session_type = self.types.get(normalise(text(values.get("type"))).strip("«» "))
        if session_type is None:
            problems.append(
                _("unknown session type « %(value)s »") % {"value": text(values.get("type"))}
            )
        room = None
        room_name = text(values.get("room"))
        if room_name:
            room = self.one(self.rooms, room_name, problems, _("room"))
        language = "fr"
        if text(values.get("language")):
            language = self.languages.get(normalise(text(values.get("language"))))
            if language is None:
                problems.append(
                    _("unknown language « %(value)s »") % {"value": text(values.get("language"))}
                )
        speakers = self.plan_speakers(text(values.get("speakers")), problems)
        partners = []
        for name in split_lines(text(values.get("partners"))):
            partner = self.one(self.partners, name, problems, _("partner"))
            if partner is not None and partner not in partners:
                partners.append(partner)
        if problems:
            return None
        session = SessionPlan(
            line=row.line,
            reference=reference,
            title=title,
            start=start,
            end=end,
            session_type=session_type,
            room=room,
            summary=text(values.get("summary")),
            region=text(values.get("region")),
            language=language,
            speakers=speakers,
            partners=partners,
            existing=self.existing.get(reference),
        )
        if session.existing is not None:
            session.changes = differences(session, session.existing)
        return session

    def one(self, index, name, problems, what):
        found = index.get(normalise(name), [])
        if not found:
            problems.append(_("unknown %(what)s « %(name)s »") % {"what": what, "name": name})
            return None
        if len(found) > 1:
            problems.append(
                _(
                    "the %(what)s « %(name)s » matches %(count)s entries; make their names "
                    "different in the admin"
                )
                % {"what": what, "name": name, "count": len(found)}
            )
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


def differences(planned, page):
    """The labels of the fields an import would change on `page` (its latest revision)."""
    current = page.get_latest_revision_as_object()
    fields = SessionPage._meta
    changes = []
    simple = ["title", "start", "end", "session_type", "summary", "region", "language"]
    for name in simple:
        if getattr(current, name) != getattr(planned, name):
            changes.append(str(fields.get_field(name).verbose_name).lower())
    if current.room_id != (planned.room.pk if planned.room else None):
        changes.append(str(fields.get_field("room").verbose_name).lower())
    now_speakers = [(s.person_id, s.function, s.role) for s in current.speakers.all()]
    new_speakers = [
        (s.person.pk if s.person else None, s.function, s.role) for s in planned.speakers
    ]
    if now_speakers != new_speakers:
        changes.append(_("speakers"))
    if [p.partner_id for p in current.organising_partners.all()] != [
        p.pk for p in planned.partners
    ]:
        changes.append(_("organising partners"))
    return changes
