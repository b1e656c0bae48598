"""SQL queries per page, made from the database (page cache off), for every public page type:
at most 15, no more than recorded in QUERIES, and the same for the demo's edition as for one
with many more sessions, speakers and partners."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from editions.models import EditionPage
from partners.factories import EditionPartnerFactory, PartnerFactory
from sessions.factories import PersonFactory, SessionPageFactory, SessionSpeakerFactory
from sessions.models import ProgrammePage, SessionPage

# The queries of each page as of issue 13 (the same before and after its restructuring):
# they must not grow. Issue 15: the edition page reads its key visual (one query; its other
# pages have it with their edition, the home page with its cards). Then the programme and the
# edition page read their sessions as rows, with the cards from the cache (one query fewer).
# Then the route cache (home.routing): the site, the locale, the page, its ancestors' view
# restrictions and its edition come with the route (from 8–12 queries to 1–4).
QUERIES = {
    "/fr/": 2,
    "/fr/2025/": 4,
    "/fr/2025/programme/": 1,
    "/fr/2025/programme/seance-ouverture/": 2,
    "/fr/2025/intervenants/": 1,
    "/fr/2025/intervenants/awa-diop/": 4,
    "/fr/2025/partenaires/": 1,
    "/fr/2025/infos-pratiques/": 3,
    "/en/2025/programme/": 1,
    "/es/2025/programa/": 1,
}
PAGES = list(QUERIES)


def counts(visitor):
    found = {}
    for url in PAGES:
        visitor.get(url)  # the shared caches (site, chrome, renditions) filled, as in production
        with CaptureQueriesContext(connection) as queries:
            response = visitor.get(url)
        assert response.status_code == 200, url
        found[url] = len(queries)
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
    assert max(before.values()) <= 15, before
    grown_pages = {url: n for url, n in before.items() if n > QUERIES[url]}
    assert not grown_pages, grown_pages

    programme = ProgrammePage.objects.child_of(grown).get()
    for n in range(40):
        session = SessionPageFactory(parent=programme, at=(9 + n % 8, 0), minutes=45)
        for _ in range(2):
            SessionSpeakerFactory(session=session)
    for _ in range(20):
        EditionPartnerFactory(edition=grown, partner=PartnerFactory())
    grown.save_revision().publish()
    after = counts(visitor)
    assert after == before
