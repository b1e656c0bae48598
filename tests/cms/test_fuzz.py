"""No address of the public site answers with a server error, whatever a visitor (or a robot)
puts in it: arbitrary unicode and bytes in every parameter of every public page type, the
exports and the search, on SQLite and on PostgreSQL (`.ci/run` runs the suite on both)."""

from urllib.parse import quote, quote_from_bytes

from wagtail.models import Page

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.views import search as search_view
from sessions.filters import FILTER_NAMES
from sessions.models import Person, ProgrammePage, SessionPage, SpeakerIndexPage

# The parameters the public views read, and a few they do not.
SEARCH_PARAMETERS = ("q", "edition", "type")
PARAMETERS = (*FILTER_NAMES, *SEARCH_PARAMETERS, "page", "lang", "utm_source")


def encoded(value):
    """A query-string component: text as UTF-8, bytes as they are (invalid UTF-8 included)."""
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


values = st.one_of(
    st.text(max_size=40),
    st.binary(max_size=40),
    st.sampled_from(["²", "٣", "１", "9" * 5000, '"', "*", "NOT", "a OR", "(", "\x00", "%", "'"]),
)
queries = st.lists(
    st.tuples(st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=10)), values), max_size=4
).map(lambda pairs: "&".join(f"{encoded(k)}={encoded(v)}" for k, v in pairs))


def public_addresses():
    """One page of every live page type in each language, each page's exports, a speaker's
    page, the search and the site's own files."""
    addresses = set()
    seen = set()
    for page in Page.objects.live().public().specific().order_by("path"):
        kind = (type(page), page.locale_id)
        if kind in seen or not page.url:
            continue
        seen.add(kind)
        addresses.add(page.url)
        for filename in [export.filename for export in getattr(page, "exports", ())]:
            addresses.add(page.url + filename)
    speakers = SpeakerIndexPage.objects.live().filter(locale__language_code="fr").first()
    person = Person.objects.filter(locale__language_code="fr").first()
    addresses.add(f"{speakers.url}{person.slug}/")
    for code in ("fr", "en", "es"):
        addresses.add(f"/{code}/search/")
    addresses |= {"/sitemap.xml", "/robots.txt", "/"}
    return sorted(addresses)


def fuzz(client, address, examples):
    """GET `address` with `examples` drawn query strings; none may end in a server error."""

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True)
    @given(query=queries)
    def survives(query):
        response = client.get(address, QUERY_STRING=query)
        assert response.status_code < 500, (address, query)

    survives()


def test_every_public_address_survives_arbitrary_parameters(client, demo_translated):
    addresses = public_addresses()
    kinds = {type(page) for page in Page.objects.live().specific() if page.depth > 1}
    assert ProgrammePage in kinds and SessionPage in kinds
    assert len(addresses) >= 30
    for address in addresses:
        fuzz(client, address, 5 if address.endswith(".pdf") else 12)


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # read-only: shared safely
)
@given(query=st.one_of(st.text(max_size=60), st.binary(max_size=60)))
def test_the_search_takes_any_query(rf, demo, query):
    """The search view on its own, with many more queries than above (no page around it)."""
    request = rf.get("/fr/search/", QUERY_STRING=f"q={encoded(query)}")
    request.LANGUAGE_CODE = "fr"
    response = search_view(request)
    response.render()
    assert response.status_code == 200


def test_a_room_written_in_other_digits_is_ignored(client, demo):
    programme = ProgrammePage.objects.get(locale__language_code="fr")
    for suffix in ("", "calendar.ics", "schedule.json", "schedule.xml", "programme.pdf"):
        for room in ("²", "٣", "9" * 5000):
            response = client.get(programme.url + suffix, {"room": room})
            assert response.status_code == 200, (suffix, room)


def test_search_queries_that_broke_the_database(client, demo):
    for query in ('"', '"Ateliers', "*", "NOT", "a OR b", "(", "é*", "-x"):
        response = client.get("/fr/search/", {"q": query})
        assert response.status_code == 200, query
    response = client.get("/fr/search/", {"q": "Ateliers « matin »"})
    assert response.status_code == 200
    # A NUL byte is refused plainly, before anything reaches the database.
    assert client.get("/fr/search/?q=%00").status_code == 400
    assert client.get("/fr/2025/%00/").status_code == 400
