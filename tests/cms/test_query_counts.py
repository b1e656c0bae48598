"""SQL queries per page, made from the database (page cache off), for every public page type:
at most 15, no more than recorded in QUERIES, and the same for the demo's edition as for one
with many more sessions, speakers and partners; so are its reads of the shared cache (each a
round trip to Redis in production: forty partners' logos must not be forty reads)."""

from contextlib import contextmanager

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest
import wagtail_factories

from editions.models import EditionPage
from partners.factories import EditionPartnerFactory, PartnerFactory
from sessions.factories import PersonFactory, SessionPageFactory, SessionSpeakerFactory
from sessions.models import ProgrammePage, SessionPage

# The queries of each page made from the database: they must not grow. The route (the page,
# its ancestors' view restrictions, its edition) comes from the cache (home/caching/
# routing.py); the site is Wagtail's to find, one query; the programme's cards are fragments.
QUERIES = {
    "/fr/": 3,
    "/fr/2025/": 5,
    "/fr/2025/programme/": 2,
    "/fr/2025/programme/seance-ouverture/": 3,
    "/fr/2025/intervenants/": 2,
    "/fr/2025/intervenants/awa-diop/": 5,
    "/fr/2025/partenaires/": 2,
    "/fr/2025/infos-pratiques/": 4,
    "/en/2025/programme/": 2,
    "/es/2025/programa/": 2,
}
PAGES = list(QUERIES)


@contextmanager
def cache_reads():
    """[the number of reads of the shared cache] while inside: a `get_many` is one (one round
    trip to Redis), whatever the test cache does inside it."""
    backend = caches["default"]
    read = [0]
    inside = []

    def counted(name):
        method = getattr(backend, name)

        def wrapper(*args, **kwargs):
            if not inside:
                read[0] += 1
            inside.append(name)
            try:
                return method(*args, **kwargs)
            finally:
                inside.pop()

        return wrapper

    backend.get, backend.get_many = counted("get"), counted("get_many")
    try:
        yield read
    finally:
        del backend.get, backend.get_many


def counts(visitor):
    """{url: (SQL queries, cache reads)} of each page made from the database."""
    found = {}
    for url in PAGES:
        visitor.get(url)  # the shared caches (site, chrome, renditions) filled, as in production
        with CaptureQueriesContext(connection) as queries, cache_reads() as reads:
            response = visitor.get(url)
        assert response.status_code == 200, url
        found[url] = (len(queries), reads[0])
    return found


@pytest.fixture
def grown(demo_translated, settings):
    settings.PAGE_CACHE_SECONDS = 0
    opening = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    SessionSpeakerFactory(session=opening, person=PersonFactory(slug="awa-diop"))
    return EditionPage.objects.get(year=2025, locale__language_code="fr")


def test_every_page_type_needs_at_most_15_queries_whatever_the_programme_size(grown):
    visitor = Client()
    before = counts(visitor)
    assert max(queries for queries, _reads in before.values()) <= 15, before
    grown_pages = {url: n for url, (n, _reads) in before.items() if n > QUERIES[url]}
    assert not grown_pages, grown_pages

    programme = ProgrammePage.objects.child_of(grown).get()
    for n in range(40):
        session = SessionPageFactory(parent=programme, at=(9 + n % 8, 0), minutes=45)
        for _ in range(2):
            SessionSpeakerFactory(
                session=session, person=PersonFactory(photo=wagtail_factories.ImageFactory())
            )
    for _ in range(20):
        EditionPartnerFactory(
            edition=grown, partner=PartnerFactory(logo=wagtail_factories.ImageFactory())
        )
    grown.save_revision().publish()
    after = counts(visitor)
    assert after == before
