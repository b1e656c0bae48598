import datetime

import factory
import wagtail_factories

from home.factories import LocaleMixin

from .models import Person, ProgrammePage, Room, SessionPage, SessionSpeaker, SpeakerIndexPage


class PersonFactory(LocaleMixin):
    first_name = factory.Sequence(lambda n: f"Prénom{n}")
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    slug = factory.LazyAttribute(lambda o: f"{o.first_name}-{o.last_name}".lower())
    bio = "Élue locale engagée dans la coopération décentralisée."

    class Meta:
        model = Person


class RoomFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Salle {n}")
    venue = factory.SubFactory("editions.factories.VenueFactory")

    class Meta:
        model = Room


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "Programme"
    slug = "programme"

    class Meta:
        model = ProgrammePage


class SessionPageFactory(wagtail_factories.PageFactory):
    """A session on the first day of its edition; `at` is the local (hour, minute) it starts."""

    title = factory.Sequence(lambda n: f"Atelier {n}")
    slug = factory.Sequence(lambda n: f"session-{n}")
    session_type = "workshop"

    class Params:
        at = (9, 30)
        minutes = 90

    @factory.lazy_attribute
    def start(self):
        edition = self.parent.specific.edition
        day = edition.local_start.date()
        hour, minute = self.at
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=edition.tzinfo)

    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(minutes=o.minutes))

    class Meta:
        model = SessionPage


class SessionSpeakerFactory(LocaleMixin):
    session = None
    person = factory.SubFactory(PersonFactory)
    role = "speaker"
    function = "Maire"

    class Meta:
        model = SessionSpeaker


class SpeakerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Intervenants"
    slug = "intervenants"

    class Meta:
        model = SpeakerIndexPage
