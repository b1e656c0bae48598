import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

from home.factories import LocaleMixin

from .models import EditionPage, PracticalInfoPage, ProceedingsPage, TransportItem, Venue

PARIS = ZoneInfo("Europe/Paris")


class VenueFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Salons {n}")
    street_address = "9bis, avenue d’Iéna"
    postcode = "75116"
    city = "Paris"
    country = "France"

    class Meta:
        model = Venue


class EditionPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda o: f"Rencontres de l'AICT {o.year}")
    slug = factory.LazyAttribute(lambda o: str(o.year))
    number = factory.LazyAttribute(lambda o: o.year - 2009)
    year = 2025
    theme = "Construisons l’action internationale des collectivités territoriales de demain !"
    start = factory.LazyAttribute(lambda o: datetime.datetime(o.year, 7, 4, 8, 0, tzinfo=PARIS))
    end = factory.LazyAttribute(lambda o: datetime.datetime(o.year, 7, 4, 18, 0, tzinfo=PARIS))
    venue = factory.SubFactory(VenueFactory)

    class Meta:
        model = EditionPage


class PracticalInfoPageFactory(wagtail_factories.PageFactory):
    title = "Infos pratiques"
    slug = "infos-pratiques"
    parking_name = "Parking Kléber"
    parking_address = "65 avenue Kléber 75116 Paris"

    class Meta:
        model = PracticalInfoPage


class TransportItemFactory(LocaleMixin):
    mode = "metro"
    lines = "9"
    station = "Iéna"
    exit = "Sortie Musée Guimet"

    class Meta:
        model = TransportItem


class ProceedingsPageFactory(wagtail_factories.PageFactory):
    title = "Actes"
    slug = "actes"

    class Meta:
        model = ProceedingsPage
