"""What an import would do: a plan per session and speaker, and the whole plan (made by
planning.py, shown by the preview, carried out by writing.py)."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import Person, Room, SessionPage


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
    dates_only: bool
    other_organisers: str
    region: str
    language: str
    speakers: list
    partners: list
    status: str | None = None  # None: the file has no status column; the session keeps its own
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
    # (line, message): a speaker in two sessions at once, two sessions in one room at once,
    # as the programme grid flags them (programme.conflicts); shown, not in the way.
    conflicts: list = field(default_factory=list)

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
    def unchanged_drafts(self):
        """Rows that match a session's latest draft, not yet live: publishing the import
        publishes that draft (the file and the draft say the same)."""
        return [
            s for s in self.unchanged if not s.existing.live or s.existing.has_unpublished_changes
        ]

    @property
    def is_valid(self):
        return not self.problems


def differences(planned, page):
    """The labels of the fields an import would change on `page` (its latest revision)."""
    current = page.get_latest_revision_as_object()
    fields = SessionPage._meta
    changes = []
    simple = [
        "title",
        "start",
        "end",
        "dates_only",
        "session_type",
        "summary",
        "region",
        "language",
        "other_organisers",
    ]
    if planned.status is not None:
        simple.append("status")
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
