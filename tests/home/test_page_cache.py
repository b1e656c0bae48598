"""Anonymous page views come from the cache; each change drops exactly the views showing it."""

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.cache import cache
from django.test import Client

from wagtail.images import get_image_model
from wagtail.models import Locale

import pytest
import time_machine
import wagtail_factories
from bs4 import BeautifulSoup

from editions.models import EditionPage, PracticalInfoPage
from partners.models import Partner, PartnersPage
from sessions.factories import PersonFactory, SessionSpeakerFactory
from sessions.models import Person, SessionPage, SpeakerIndexPage
from tests.helpers import png_file


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def state(visitor, url):
    response = visitor.get(url)
    assert response.status_code == 200, url
    return response.headers.get("X-Page-Cache"), response


def warm(visitor, urls):
    """View each page twice: the second view is served from the cache."""
    for url in urls:
        visitor.get(url)
        assert state(visitor, url)[0] == "hit", url


def sessions_2025(code="fr"):
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    return SessionPage.objects.live().filter(
        path__startswith=edition.path, locale__language_code=code
    )


def translations(page):
    return {p.locale.language_code: p for p in page.get_translations(inclusive=True).live()}


def practical_urls():
    return [
        p.url
        for p in EditionPage.objects.get(year=2025, locale__language_code="fr")
        .get_children()
        .live()
        .type(PracticalInfoPage)
    ]


@pytest.fixture
def site(demo_translated):
    return demo_translated


@pytest.fixture
def visitor():
    """A visitor without a session, as the public arrives."""
    return Client()


@pytest.fixture
def speaker(site):
    """Awa Diop speaks at a 2025 session, in French, English and Spanish."""
    session = sessions_2025().first()
    person = PersonFactory(first_name="Awa", last_name="Diop", slug="awa-diop")
    for code, page in translations(session).items():
        if code == "fr":
            local = person
        else:
            local = person.copy_for_translation(Locale.objects.get(language_code=code))
            local.save()
        SessionSpeakerFactory(session=page, person=local, locale=page.locale)
    return person, session


def test_anonymous_views_are_cached_and_editors_never(
    site, visitor, admin_client, django_assert_num_queries
):
    first = visitor.get("/fr/2025/programme/")
    assert first.headers["X-Page-Cache"] == "miss"
    assert "Cookie" in first.headers["Vary"]
    assert first.headers["Cache-Control"] == "max-age=0"
    with django_assert_num_queries(0):
        second = visitor.get("/fr/2025/programme/")
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    # Filters are part of the address: another view, cached on its own.
    assert visitor.get("/fr/2025/programme/?type=workshop").headers["X-Page-Cache"] == "miss"
    # An editor (a session cookie) gets the page made for them, never a stored one, and
    # what they see is not stored either.
    edited = admin_client.get("/fr/2025/")
    assert "X-Page-Cache" not in edited.headers
    assert visitor.get("/fr/2025/").headers["X-Page-Cache"] == "miss"


def test_stored_pages_are_sent_compressed_to_clients_that_accept_it(site, visitor):
    plain = visitor.get("/fr/2025/programme/")
    for _ in range(2):  # a miss, then a hit
        compressed = visitor.get("/fr/2025/programme/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert compressed.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(compressed.content) == plain.content
        assert int(compressed.headers["Content-Length"]) == len(compressed.content)
        assert len(compressed.content) < len(plain.content) / 3
    assert compressed.headers["X-Page-Cache"] == "hit"
    assert "Accept-Encoding" in compressed.headers["Vary"]
    again = visitor.get("/fr/2025/programme/")
    assert "Content-Encoding" not in again.headers and again.content == plain.content


def test_a_session_edit_drops_its_pages_in_every_language_and_nothing_else(visitor, speaker):
    person, session = speaker
    other = sessions_2025().exclude(pk=session.pk).first()
    programme = session.get_parent()
    speaker_index = SpeakerIndexPage.objects.live().get(locale=session.locale)
    speaker_url = f"{speaker_index.url}{person.slug}/"
    versions = translations(session)
    unrelated = practical_urls() + [other.url, "/fr/2024/"]
    showing = [p.url for p in versions.values()] + [programme.url, "/fr/2025/", speaker_url]
    warm(visitor, showing + unrelated)

    revision = session.get_latest_revision_as_object()
    revision.title = "Atelier renommé pour le test"
    revision.save_revision().publish()

    for url in showing:
        cached, response = state(visitor, url)
        assert cached == "miss", url
    for url in (session.url, programme.url, "/fr/2025/", speaker_url):
        assert "Atelier renommé pour le test" in text_of(visitor.get(url)), url
    for url in unrelated:
        assert state(visitor, url)[0] == "hit", url

    # Unpublished: gone from the programme at once, the page itself answers 404.
    SessionPage.objects.get(pk=session.pk).unpublish()
    assert "Atelier renommé pour le test" not in text_of(visitor.get(programme.url))
    assert visitor.get(session.url).status_code == 404
    assert state(visitor, unrelated[0])[0] == "hit"


def test_a_speaker_bio_edit_shows_on_their_pages_in_every_language(visitor, speaker):
    person, session = speaker
    people = {
        p.locale.language_code: p
        for p in Person.objects.filter(translation_key=person.translation_key)
    }
    assert set(people) == {"fr", "en", "es"}
    indexes = {
        index.locale.language_code: index
        for edition in EditionPage.objects.filter(year=2025)
        for index in SpeakerIndexPage.objects.live().child_of(edition)
    }
    # The demo has no Spanish speakers page: the French one is there in its place (an alias).
    assert set(indexes) == {"fr", "en", "es"}
    speaker_urls = {code: f"{indexes[code].url}{people[code].slug}/" for code in indexes}
    session_urls = [p.url for p in translations(session).values()]
    unrelated = practical_urls() + ["/fr/2024/"]
    warm(visitor, list(speaker_urls.values()) + session_urls + unrelated)

    person.bio = "Nouvelle biographie écrite par la rédaction."
    person.save()

    # Dropped in every language (the other languages' pages link to this one)…
    for url in list(speaker_urls.values()) + session_urls:
        assert state(visitor, url)[0] == "miss", url
    # …made again with the new biography…
    assert "Nouvelle biographie écrite par la rédaction." in text_of(
        visitor.get(speaker_urls["fr"])
    )
    # …and nothing else.
    for url in unrelated:
        assert state(visitor, url)[0] == "hit", url


def test_a_partner_logo_change_shows_on_every_page_of_its_editions(site, visitor, settings):
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    partner = edition.footer_partners()[0].partner
    pages = [
        p.url
        for code in ("fr", "en", "es")
        for p in EditionPage.objects.get(year=2025, locale__language_code=code)
        .get_descendants(inclusive=True)
        .live()
        .type(EditionPage, PartnersPage, PracticalInfoPage)
    ]
    warm(visitor, pages)
    other_editions = [
        e.url
        for e in EditionPage.objects.live().exclude(year=2025)
        if not e.specific.edition_partners.filter(
            partner__translation_key=partner.translation_key
        ).exists()
    ]
    warm(visitor, other_editions)

    image = get_image_model().objects.create(
        title="Nouveau logo",
        file=png_file("nouveau-logo.png"),
    )
    partner.logo = image
    partner.save()

    for url in pages:
        cached, response = state(visitor, url)
        assert cached == "miss", url
        if url.startswith("/fr/"):
            assert "nouveau-logo" in response.content.decode(), url
    # The logo is synchronised to the translations (wagtail-localize's « Sync »): shown there.
    for translated in Partner.objects.filter(translation_key=partner.translation_key):
        translated.logo = image
        translated.save()
    for url in pages:
        assert "nouveau-logo" in visitor.get(url).content.decode(), url
    for url in other_editions:
        assert state(visitor, url)[0] == "hit", url


def test_pages_change_by_themselves_when_registration_opens(site, visitor):
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    revision = edition.get_latest_revision_as_object()
    revision.registration_url = "https://inscriptions.example.org/aict-2025"
    revision.registration_opens = edition.start.replace(month=5, day=2, hour=8, minute=0)
    with time_machine.travel("2025-05-02 09:40 +02:00", tick=False):
        revision.save_revision().publish()
    # The demo was loaded at today's date, which the clock now goes back from: start afresh.
    cache.clear()

    with time_machine.travel("2025-05-02 09:50 +02:00", tick=False):
        before = text_of(visitor.get("/fr/2025/programme/"))
        assert "Inscriptions ouvertes le 2 mai 2025" in before
        assert state(visitor, "/fr/2025/programme/")[0] == "hit"
    with time_machine.travel("2025-05-02 10:00:30 +02:00", tick=False):
        cached, response = state(visitor, "/fr/2025/programme/")
        assert cached == "miss"
        assert "S’inscrire" in text_of(response)


class PurgeRecorder(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_PURGE(self):
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def test_the_cdn_is_purged_of_exactly_the_changed_pages(
    speaker, visitor, cdn, django_capture_on_commit_callbacks
):
    response = visitor.get("/fr/2025/programme/")
    assert "s-maxage=" in response.headers["Cache-Control"]
    assert "public" in response.headers["Cache-Control"]
    person, session = speaker
    revision = session.get_latest_revision_as_object()
    revision.title = "Titre changé pour le CDN"
    with django_capture_on_commit_callbacks(execute=True):
        revision.save_revision().publish()
    purged = {path for _host, path in cdn.purged}
    for page in translations(session).values():
        assert page.url in purged
        assert page.get_parent().url in purged  # the programme in that language
        assert page.get_parent().get_parent().url in purged  # the edition
    for edition in EditionPage.objects.filter(year=2025):
        index = SpeakerIndexPage.objects.live().child_of(edition).first()
        if index is not None:
            assert f"{index.url}{person.slug}/" in purged
    practical = practical_urls()[0]
    assert practical not in purged
    assert "/fr/2024/" not in purged


def test_a_stale_page_is_served_rather_than_an_error_when_the_database_fails(site, speaker):
    from django.db import OperationalError, connection

    visitor = Client(raise_request_exception=False)
    person, session = speaker
    programme = session.get_parent().url
    before = visitor.get(programme).content
    revision = session.get_latest_revision_as_object()
    revision.title = "Titre publié juste avant la panne"
    revision.save_revision().publish()  # the stored programme is now out of date

    def database_down(execute, sql, params, many, context):
        raise OperationalError("the database system is shutting down")

    with connection.execute_wrapper(database_down):
        during = visitor.get(programme)
        never_cached = visitor.get(programme + "?type=workshop")
    assert during.status_code == 200
    assert during.headers["X-Page-Cache"] == "stale"
    assert during.content == before
    assert never_cached.status_code == 500  # nothing to fall back on
    after = visitor.get(programme)
    assert after.headers["X-Page-Cache"] == "miss"
    assert "Titre publié juste avant la panne" in text_of(after)


def page_entries():
    """The whole-page entries in the (in-memory) cache."""
    return [key for key in cache._cache if "page-cache:entry:" in key and ":making" not in key]


def test_only_the_parameters_a_page_reads_make_entries(client, demo):
    programme = "/fr/2025/programme/"
    assert state(client, programme)[0] == "miss"
    assert len(page_entries()) == 1
    # Parameters no page reads share the page's own entry: nobody can fill the cache with them.
    for n in range(50):
        status, response = state(client, f"{programme}?x={n}&utm_source=spam{n}")
        assert status == "hit"
    assert state(client, "/fr/2025/?page=3")[0] == "miss"
    assert state(client, "/fr/2025/?page=4")[0] == "hit"
    assert len(page_entries()) == 2

    # A filter the programme offers is a view of its own…
    assert state(client, f"{programme}?type=workshop")[0] == "miss"
    status, response = state(client, f"{programme}?type=workshop&x=1")
    assert status == "hit"
    assert "Atelier" in text_of(response)
    assert len(page_entries()) == 3
    # …but values it does not offer are made for the visitor and kept for nobody.
    for query in [
        "room=99999",
        "room=0099999",
        "region=Nowhere",
        "day=2031-01-01",
        "type=workshop&type=plenary",
        "language=xx",
    ]:
        for _ in range(2):
            assert state(client, f"{programme}?{query}")[0] != "hit", query
    # A page that reads no filter keeps nothing for one.
    for _ in range(2):
        assert state(client, "/fr/2025/?room=1")[0] != "hit"
    assert len(page_entries()) == 3


def test_a_replaced_speaker_photo_drops_their_pages_in_every_language(visitor, speaker):
    """An image's change reaches what points to it (home/invalidation.referrers_tags): the
    person whose photo it is, then the sessions and speaker pages that show them."""
    person, session = speaker
    photo = wagtail_factories.ImageFactory(title="Awa Diop", file=png_file("awa.png"))
    # A fact: the same photo in every language (set without a save: nothing dropped yet).
    Person.objects.filter(translation_key=person.translation_key).update(photo=photo)
    indexes = {
        index.locale.language_code: index
        for edition in EditionPage.objects.filter(year=2025)
        for index in SpeakerIndexPage.objects.live().child_of(edition)
    }
    speaker_urls = [f"{index.url}{person.slug}/" for index in indexes.values()]
    session_urls = [p.url for p in translations(session).values()]
    unrelated = practical_urls() + ["/fr/2024/"]
    warm(visitor, speaker_urls + session_urls + unrelated)

    photo.title = "Awa Diop, 2025"
    photo.file = png_file("awa-2025.png")
    photo.save()

    for url in speaker_urls + session_urls:
        assert state(visitor, url)[0] == "miss", url
    for url in unrelated:
        assert state(visitor, url)[0] == "hit", url
