"""One gate (home/visibility.py): a restriction on a French page closes every output that
would show what it protects, in every language, and lifting it brings everything back.

The addresses come from the code's own declarations: the project's URL patterns without
parameters, every live page of the demo's site and each of its routes (RoutablePageMixin:
the programme's own views, the speakers' pages, every declared export). A new output is
walked without editing this test; a new route with a parameter must say here where its
values come from (ROUTE_VALUES), or the test fails.
"""

import io

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from editions.models import EditionPage, PracticalInfoPage
from home.exports import export_links
from sessions.choices import ChangeKind
from sessions.models import ProgrammePage, SessionChange, SessionPage, SpeakerIndexPage

MARK = "Zqvx7"  # in the protected words, in every language; found nowhere else
LANGUAGES = ("fr", "en", "es")
TARGETS = ("edition", "programme", "session", "practical", "speakers")
KINDS = (PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS)


def route_values(page):
    """Where the parameters of the routes come from: {parameter: [values]}."""
    values = {}
    if isinstance(page, SpeakerIndexPage):
        values["person_slug"] = list(page.speakers().values_list("slug", flat=True)[:3])
    if isinstance(page, ProgrammePage) and page.edition and page.edition.venue_id:
        values["room_id"] = [room.pk for room in page.edition.venue.rooms.all()[:2]]
    return values


def site_patterns():
    """The project's public views without parameters, from the URL resolver (the admin,
    documents and Wagtail's own page views aside)."""
    found = []

    def walk(patterns, localized):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if type(pattern.pattern).__name__ == "LocalePrefixPattern":
                    walk(pattern.url_patterns, True)
                continue
            if (
                isinstance(pattern, URLPattern)
                and pattern.name
                and not pattern.pattern.regex.groups
            ):
                found.append((pattern.name, localized))

    walk(get_resolver().url_patterns, False)
    return found


def page_addresses(page):
    """The page's address, each route's and each export's."""
    url = page.url
    if not url:
        return []
    addresses = [url]
    if hasattr(page, "get_subpage_urls"):
        values = route_values(page)
        for route in page.get_subpage_urls():
            converters = list(route.pattern.converters) or list(route.pattern.regex.groupindex)
            if route.name.startswith("export-"):
                continue  # below, as the page links them
            if not converters:
                addresses.append(url + page.reverse_subpage(route.name))
                continue
            missing = [name for name in converters if name not in values]
            assert not missing, f"{type(page).__name__}.{route.name}: say where {missing} come from"
            for value in values[converters[0]]:
                kwargs = {converters[0]: value}
                addresses.append(url + page.reverse_subpage(route.name, kwargs=kwargs))
    request = None
    for export in export_links(page, request).values():
        addresses.append(export.url + ("?s=00000001" if "mon-programme" in export.url else ""))
    return addresses


def every_address(marked_session, edition):
    """Every public address type in every language: the site's own views, every live page
    but the sessions (those of the marked one and of one other), with their routes (those of
    the marked edition's pages; another edition's pages by their own address)."""
    addresses = set()
    for name, localized in site_patterns():
        from django.urls import reverse

        for language in LANGUAGES if localized else ("fr",):
            with translation.override(language):
                url = reverse(name)
            addresses.add(url + (f"?q={MARK}" if name == "search" else ""))
    other = SessionPage.objects.live().exclude(translation_key=marked_session.translation_key)
    other_key = other.first().translation_key
    for page in Page.objects.live().filter(depth__gte=2).specific():
        if isinstance(page, SessionPage) and page.translation_key not in (
            marked_session.translation_key,
            other_key,
        ):
            continue
        with translation.override(page.locale.language_code):
            if page.translation_key == edition.translation_key or any(
                page.path.startswith(e.path) for e in editions_of(edition)
            ):
                addresses.update(page_addresses(page))
            elif page.url:
                addresses.add(page.url)
    return sorted(addresses)


def editions_of(edition):
    return list(EditionPage.objects.filter(translation_key=edition.translation_key))


def text_of(response):
    """What the response shows: a PDF's text; of the search page, its results (it repeats the
    query, which is MARK itself)."""
    if response.get("Content-Type", "").startswith("application/pdf"):
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = response.content.decode("utf-8", "replace")
    if MARK in text and "search-results" in text:
        results = BeautifulSoup(text, "html.parser").select_one("ol.search-results")
        return str(results) if results is not None else ""
    return text


def mark_words(target):
    """Put MARK in the protected words in every language, and in a session below it (its
    title, so listings, exports and the change log would show it); returns the target's
    French page and the marked session."""
    fr = {"locale__language_code": "fr"}
    edition = EditionPage.objects.get(year=2025, **fr)
    programme = ProgrammePage.objects.child_of(edition).get()
    session = SessionPage.objects.live().descendant_of(programme).filter(**fr).first()
    pages = {
        "edition": edition,
        "programme": programme,
        "session": session,
        "practical": PracticalInfoPage.objects.child_of(edition).get(),
        "speakers": SpeakerIndexPage.objects.child_of(edition).get(),
    }
    page = pages[target]
    keys = {page.translation_key}
    if target in ("edition", "programme", "session"):
        keys.add(session.translation_key)
    for key in keys:
        for each in Page.objects.filter(translation_key=key):
            Page.objects.filter(pk=each.pk).update(title=f"{MARK} {each.title}")
    if target == "practical":
        PracticalInfoPage.objects.filter(translation_key=page.translation_key).update(
            parking_name=f"Parc {MARK}"
        )
    # The change log names the session.
    SessionChange.objects.create(
        edition_key=edition.translation_key,
        session_key=session.translation_key,
        at=session.last_published_at,
        kind=ChangeKind.STATUS,
        before={"status": "scheduled"},
        after={"status": "cancelled"},
    )
    backend = get_search_backend()
    for each in Page.objects.filter(translation_key__in=keys).specific():
        backend.add(each)
    return Page.objects.get(pk=page.pk).specific, session


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="rencontres" if kind == "password" else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get_or_create(name="Comité")[0]])
    return restriction


def closed_paths(page):
    """The addresses the restriction closes: the page's own in every language and what is
    below them."""
    return [p.url for p in Page.objects.filter(translation_key=page.translation_key) if p.url]


def assert_closed_answer(response, kind, url):
    if kind == PageViewRestriction.PASSWORD:
        assert response.status_code == 200, url
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one("input[type=password]") is not None, url
    else:
        assert response.status_code == 302, url
        assert "login" in response["Location"], url


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("target", TARGETS)
def test_a_french_restriction_closes_every_output_in_every_language(
    demo_translated, settings, target, kind
):
    page, session = mark_words(target)
    visitor = Client()
    # What visitors saw before: kept in the page cache, which the restriction must drop.
    for each in Page.objects.filter(translation_key=page.translation_key):
        assert MARK in text_of(visitor.get(each.url)), each.url
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    addresses = every_address(session, edition)
    if kind != PageViewRestriction.PASSWORD:
        # The rule does not depend on the kind (home/visibility.py): the full walk runs with
        # the password; the others walk what the restriction closes and every listing.
        addresses = [a for a in addresses if not a.endswith(".pdf") and "/ecrans/" not in a]
    restriction = restrict(page, kind)
    closed = closed_paths(page)
    seen_closed = 0
    for url in addresses:
        response = visitor.get(url)
        assert response.status_code < 500, url
        if any(url.startswith(prefix) for prefix in closed):
            assert_closed_answer(response, kind, url)
            seen_closed += 1
        body = text_of(response)
        assert MARK not in body, f"{url} shows what the {target}'s {kind} restriction protects"
    # Each closed page, in every language, with its routes and exports.
    assert seen_closed >= len(closed)

    # Lifted: the protected words are back, on the page in every language and in listings.
    restriction.delete()
    assert not PageViewRestriction.objects.filter(page__translation_key=page.translation_key)
    showing = [url for url in addresses if MARK in text_of(visitor.get(url))]
    for url in closed:
        assert url in showing, url
    listing = {"edition": "/fr/2025/", "programme": "/fr/2025/", "session": "/fr/2025/"}
    if target in listing:
        assert listing[target] in showing
    assert any("search" in url for url in showing)
