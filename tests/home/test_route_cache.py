"""Pages found from the route cache (home.caching.routing): fewer queries per view made from the
database, and every change of the way to a page (its address, its publication, its
restrictions, its room, its site) seen on the next view, for editors as for visitors."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest
from bs4 import BeautifulSoup

from editions.models import EditionPage
from sessions.models import ProgrammePage, Room, SessionPage

OPENING = "/fr/2025/programme/seance-ouverture/"


@pytest.fixture
def uncached(demo, settings):
    """Pages made from the database on each view (no whole-page cache), as for a publish on
    the day, a filter combination or a logged-in editor."""
    settings.PAGE_CACHE_SECONDS = 0
    return demo


@pytest.fixture
def visitor():
    return Client()


def opening():
    return SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")


def title_of(response):
    return BeautifulSoup(response.content, "html.parser").h1.get_text(" ", strip=True)


def tables_read(visitor, url):
    with CaptureQueriesContext(connection) as queries:
        response = visitor.get(url)
    assert response.status_code == 200, url
    return " ".join(query["sql"] for query in queries.captured_queries)


def test_a_second_view_finds_its_page_without_a_routing_query(uncached, visitor):
    first = tables_read(visitor, OPENING)
    assert "wagtailcore_site" in first and "wagtailcore_pageviewrestriction" in first
    with CaptureQueriesContext(connection) as queries:
        assert visitor.get(OPENING).status_code == 200
    again = " ".join(query["sql"] for query in queries.captured_queries)
    for table in ("wagtailcore_locale", "wagtailcore_pageviewrestriction"):
        assert table not in again, table
    # The site is Wagtail's to find, once per request (Site.find_for_request): the route
    # cache writes none of Wagtail's private request attributes.
    sites = [q for q in queries.captured_queries if 'FROM "wagtailcore_site"' in q["sql"]]
    assert len(sites) == 1, sites
    # Not the page's own row either, nor its edition's: they came with the route (the
    # site's query reads its root page's row, url_path included).
    others = " ".join(q["sql"] for q in queries.captured_queries if q not in sites)
    assert '"wagtailcore_page"."url_path"' not in others


def test_a_renamed_page_leaves_its_old_address_and_so_do_the_pages_below_it(uncached, visitor):
    assert visitor.get(OPENING).status_code == 200
    programme = ProgrammePage.objects.get(slug="programme", locale__language_code="fr")
    programme.slug = "le-programme"
    programme.save_revision().publish()
    assert visitor.get(OPENING).status_code == 404
    assert visitor.get("/fr/2025/programme/").status_code == 404
    moved = visitor.get("/fr/2025/le-programme/seance-ouverture/")
    assert moved.status_code == 200
    assert title_of(moved) == opening().title


def test_an_unpublished_session_is_gone_at_once_and_back_when_published(uncached, visitor):
    assert visitor.get(OPENING).status_code == 200
    session = opening()
    session.unpublish()
    assert visitor.get(OPENING).status_code == 404
    session.save_revision().publish()
    assert visitor.get(OPENING).status_code == 200


@pytest.mark.parametrize("restricted", ["edition", "session"])
def test_a_password_closes_a_session_already_visited(uncached, visitor, restricted):
    assert title_of(visitor.get(OPENING)) == opening().title
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    restriction = PageViewRestriction.objects.create(
        page=edition if restricted == "edition" else opening(),
        restriction_type=PageViewRestriction.PASSWORD,
        password="rencontres",
    )
    closed = visitor.get(OPENING)
    assert opening().title not in closed.content.decode()
    assert BeautifulSoup(closed.content, "html.parser").select_one("input[type=password]")
    restriction.delete()
    assert title_of(visitor.get(OPENING)) == opening().title


def test_a_room_renamed_shows_on_a_session_page_already_visited(uncached, visitor):
    session = SessionPage.objects.filter(locale__language_code="fr", room__isnull=False).first()
    visitor.get(session.url)
    room = Room.objects.get(pk=session.room_id)
    room.name = "Salle Victor-Hugo"
    room.save()
    assert "Salle Victor-Hugo" in visitor.get(session.url).content.decode()


def test_an_editor_sees_the_page_as_published_after_a_change(uncached, admin_client):
    admin_client.get(OPENING)
    session = opening()
    session.title = "Séance d'ouverture, nouvelle formule"
    session.save_revision().publish()
    assert title_of(admin_client.get(OPENING)) == "Séance d'ouverture, nouvelle formule"


def test_a_site_moved_to_another_host_no_longer_answers_on_the_old_one(uncached, visitor):
    assert visitor.get(OPENING).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.hostname = "rencontres.example.org"
    site.is_default_site = False
    site.save()
    assert visitor.get(OPENING).status_code == 404
    moved = Client(HTTP_HOST="rencontres.example.org")
    assert moved.get(OPENING).status_code == 200


def test_addresses_that_lead_nowhere_do_not_fill_the_cache(uncached, visitor):
    from django.core.cache import cache

    def kept_routes():
        return [key for key in cache._cache if "page-cache:fragment:route:" in key]

    for n in range(20):
        assert visitor.get(f"/fr/2025/intervenants/personne-{n}/").status_code == 404
        assert visitor.get(f"/fr/2025/programme/ecrans/{900000 + n}/").status_code == 404
        assert visitor.get(f"/fr/2025/nulle-part-{n}/").status_code == 404
    assert kept_routes() == []
    assert visitor.get(OPENING).status_code == 200
    assert len(kept_routes()) == 1
