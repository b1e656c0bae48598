"""Step 3: write a valid plan, all of it in one transaction or nothing.

New people are created once, however many sessions name them; sessions are created or
updated from their latest revision (an editor's draft is built upon, not lost) and, unless
asked to keep them as drafts, published, and so are the new people. Unchanged sessions are not
touched, but for one whose latest draft is not live yet: publishing publishes that draft."""

from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.coreutils import find_available_slug
from wagtail.signal_handlers import disable_reference_index_auto_update

from home import search_index
from home.caching import invalidation
from home.text import short_slug

from ..models import Person, SessionPage, SessionPartner, SessionSpeaker
from ..people import IMPORTED_PERSON
from .columns import normalise


@dataclass
class WriteReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    drafts_published: int = 0  # unchanged rows whose matching draft was published
    people_created: int = 0


class Name(NamedTuple):
    first: str
    last: str


def split_name(name):
    """« Michaël Delafosse » -> (Michaël, Delafosse); « Jean DUPONT » -> (Jean, DUPONT)."""
    words = name.split()
    if len(words) == 1:
        return Name("", words[0])
    upper = [w for w in words if w.isupper() and len(w) > 1]
    if upper and words[-len(upper) :] == upper:
        return Name(" ".join(words[: -len(upper)]), " ".join(upper))
    return Name(" ".join(words[:-1]), words[-1])


class Writer:
    def __init__(self, programme, user=None, publish=True, progress=None):
        self.people_made = []
        self.programme = programme
        self.user = user
        self.publish = publish
        self.progress = progress or (lambda done, total: None)

    def write(self, plan):
        """Write the plan; the report of what was written."""
        for _step in self.steps(plan):
            pass
        return self.report

    def steps(self, plan):
        """Write the plan, yielding (sessions written, sessions to write) after each one: the
        admin shows the progress as it goes. All of it is one transaction: a generator closed
        before its end (the browser went away) writes nothing."""
        if not plan.is_valid:
            raise ValueError("a plan with problems is not written")
        # A session's revision, its publication, its translations' facts and aliases save
        # each page many times: Wagtail's reference index and search index, and what the
        # page cache and the CDN drop, are updated once per object at the end instead, in
        # the same transaction.
        with transaction.atomic(), invalidation.deferred(), search_index.deferred():
            with disable_reference_index_auto_update():
                yield from self.write_rows(plan)
            self.update_reference_index()

    def update_reference_index(self):
        from wagtail.models import Page, ReferenceIndex

        keys = SessionPage.objects.child_of(self.programme).values("translation_key")
        for page in Page.objects.filter(translation_key__in=keys).specific():
            ReferenceIndex.create_or_update_for_object(page)
        people = Person.objects.filter(
            translation_key__in=[person.translation_key for person in self.people_made]
        )
        for person in people:
            ReferenceIndex.create_or_update_for_object(person)

    def write_rows(self, plan):
        self.report = report = WriteReport(unchanged=len(plan.unchanged))
        todo = plan.creates + plan.updates
        yield 0, len(todo)
        people = self.create_people(plan, report)
        for done, session in enumerate(todo, start=1):
            try:
                if session.existing is None:
                    self.create(session, people)
                    report.created += 1
                else:
                    self.update(session, people)
                    report.updated += 1
            except ValidationError as error:
                # Checked in planning; should the model refuse anyway, nothing is kept.
                raise ValidationError({f"line {session.line}": list(error.messages)}) from error
            self.progress(done, len(todo))
            yield done, len(todo)
        if self.publish:
            # A row that matches a draft: the file says what the draft says, and publishing
            # was asked for, so the draft goes live (the preview says so).
            for session in plan.unchanged_drafts:
                session.existing.get_latest_revision().publish(user=self.user)
                report.drafts_published += 1

    def create_people(self, plan, report):
        people = {}
        locale = self.programme.locale
        for name in plan.new_people:
            first, last = split_name(name)
            # A new person is moderated as the sessions are: published with them, else a
            # draft whose revision is marked as the import's; it goes live with the first of
            # its sessions to be published (sessions/people.py), unless edited before.
            person = Person(first_name=first, last_name=last, locale=locale, live=False)
            person.full_clean()
            person.save()
            self.save(person, log_action=IMPORTED_PERSON)
            people[normalise(name)] = person
            self.people_made.append(person)
            report.people_created += 1
        return people

    def fill(self, page, session, people):
        page.title = session.title
        page.start, page.end = session.start, session.end
        page.dates_only = session.dates_only
        page.other_organisers = session.other_organisers
        page.session_type = session.session_type
        page.room = session.room
        page.summary = session.summary
        page.region = session.region
        page.language = session.language
        if session.status is not None:
            page.status = session.status
        page.reference = session.reference
        page.speakers = same_rows(
            page.speakers.all(),
            "person_id",
            [
                SessionSpeaker(
                    person=speaker.person or people[normalise(speaker.name)],
                    function=speaker.function,
                    role=speaker.role,
                    locale=self.programme.locale,
                    sort_order=order,
                )
                for order, speaker in enumerate(session.speakers)
            ],
        )
        page.organising_partners = same_rows(
            page.organising_partners.all(),
            "partner_id",
            [
                SessionPartner(partner=partner, locale=self.programme.locale, sort_order=order)
                for order, partner in enumerate(session.partners)
            ],
        )

    def create(self, session, people):
        page = SessionPage(locale=self.programme.locale, live=False)
        self.fill(page, session, people)
        page.slug = find_available_slug(self.programme, short_slug(session.title, 80, "seance"))
        page._parent_for_validation = self.programme
        page.full_clean(exclude=["path", "depth", "numchild", "url_path"])
        self.programme.add_child(instance=page)
        self.save(page)

    def update(self, session, people):
        page = session.existing.get_latest_revision_as_object()
        self.fill(page, session, people)
        page.full_clean()
        self.save(page)

    def save(self, page, log_action=True):
        """A revision of the session (or new person), published unless kept as a draft."""
        revision = page.save_revision(user=self.user, log_action=log_action)
        if self.publish:
            revision.publish(user=self.user)


def same_rows(current, key, rows):
    """`rows` (a session's new speakers or partners), each the current row for the same person
    or partner when there is one: its translation key names its strings for the translators,
    so a function that did not change keeps its translation rather than being « à traduire »
    again after every import."""
    by_key = {getattr(row, key): row for row in current}
    for row in rows:
        kept = by_key.get(getattr(row, key))
        if kept is not None:
            row.pk, row.translation_key = kept.pk, kept.translation_key
    return rows
