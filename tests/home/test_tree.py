"""The tree follows the French (home/translation/tree.py, issue 24 findings 9 and 10): moving
or deleting a French page moves or deletes its English and Spanish pages, from every door;
a French publication never rewrites a translation's slug or address, nor publishes its
draft; every page answers at one address per language; the repair puts old trees right."""

from django.core.management import call_command

from wagtail.models import Page

from bs4 import BeautifulSoup

from editions.models import EditionPage
from programme.factories import ProgrammePageFactory
from programme.models import SessionPage

LANGUAGES = ("fr", "en", "es")


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def pages_of(page):
    """{language: page} for the page and its translations and aliases, fresh."""
    return {
        p.locale.language_code: p.specific
        for p in Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    }


def plenary():
    return SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")


def programme_2024(published=True):
    """A French programme for the 2024 edition (the demo's 2024 edition has none)."""
    edition = EditionPage.objects.get(year=2024, locale__language_code="fr")
    programme = ProgrammePageFactory(parent=edition, live=published)
    return publish(programme) if published else programme


def status(client, url):
    return client.get(url).status_code


def assert_gone_from(client, old, new):
    """The old address no longer serves the page: Wagtail's redirects app sends it on to the
    page's new address in the same language (a 301, kept for links and search engines)."""
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"].endswith(new), (old, response["Location"])


def alternates(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        link["hreflang"]: link["href"] for link in html.select("head link[rel=alternate][hreflang]")
    }


def assert_one_address(client, page):
    """The page answers at its url_path (its parent's address and its slug), and nowhere
    else below its parent."""
    page = Page.objects.get(pk=page.pk)
    parent = page.get_parent()
    assert page.url_path == f"{parent.url_path}{page.slug}/", page.url_path
    assert status(client, page.url) == 200, page.url


# --- a French publication in a new edition -----------------------------------------------


def test_a_french_publication_keeps_each_translations_slug_address_and_draft(
    demo_translated, client
):
    call_command(
        "new_edition", "--from", "2025", "--year", "2026", "--start", "2026-07-03", stdout=None
    )
    french = EditionPage.objects.get(year=2026, locale__language_code="fr")
    others = list(
        Page.objects.filter(url_path__contains="/2026/")
        .exclude(locale=french.locale)
        .select_related("locale")
    )
    before = {p.pk: (p.slug, p.latest_revision_id) for p in others}
    drafts = {p.pk: p.get_latest_revision_as_object().title for p in others}
    for page in Page.objects.descendant_of(french, inclusive=True).order_by("path").specific():
        page.get_latest_revision().publish()

    spanish_programme = Page.objects.get(url_path__startswith="/inicio/2026/", slug="programa")
    assert spanish_programme.url_path == "/inicio/2026/programa/"
    for page in Page.objects.filter(pk__in=before).specific():
        slug, revision = before[page.pk]
        assert page.slug == slug, page.url_path
        assert page.live
        assert_one_address(client, page)
        # Its draft stays a draft: the live row shows the French words, the translator's
        # words wait in the same latest revision.
        assert page.latest_revision_id == revision
        source = page.get_translation(french.locale)
        assert page.title == source.title
        assert page.get_latest_revision_as_object().title == drafts[page.pk]
        if slug != source.slug:
            # Not also at the French slug below its parent.
            wrong = page.get_parent().url + source.slug + "/"
            assert status(client, wrong) == 404, wrong

    # The translator publishes the Spanish programme: its sessions stay below it.
    spanish_programme.specific.get_latest_revision().publish()
    for session in Page.objects.child_of(spanish_programme):
        assert_one_address(client, session)
        assert session.url.startswith("/es/2026/programa/")
