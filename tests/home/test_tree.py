"""The tree follows the French (home/translation/tree.py, issue 24 findings 9 and 10): moving
or deleting a French page moves or deletes its English and Spanish pages, from every door;
a French publication never rewrites a translation's slug or address, nor publishes its
draft; every page answers at one address per language; the repair puts old trees right."""

import uuid

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

import pytest
from bs4 import BeautifulSoup

from editions.models import EditionPage
from home.models import StandardPage
from home.translation import repair_trees
from sessions.factories import ProgrammePageFactory
from sessions.models import SessionPage

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


# --- moving ------------------------------------------------------------------------------


def test_moving_a_french_session_in_the_admin_moves_it_in_every_language(
    demo_translated, admin_client, client
):
    session = plenary()
    before = pages_of(session)
    old_urls = {code: page.url for code, page in before.items()}
    destination = programme_2024()
    confirm = reverse("wagtailadmin_pages:move_confirm", args=(session.pk, destination.pk))

    # The confirmation names the pages that move with it, in French.
    page = admin_client.get(confirm)
    assert page.status_code == 200
    text = BeautifulSoup(page.content, "html.parser").get_text(" ")
    assert "Ses pages dans les autres langues la suivent" in text
    for code in ("en", "es"):
        assert before[code].title in text
    assert "Anglais" in text and "Espagnol" in text

    assert admin_client.post(confirm).status_code == 302

    after = pages_of(session)
    targets = pages_of(destination)
    for code in LANGUAGES:
        moved = after[code]
        assert moved.get_parent().pk == targets[code].pk, code
        assert moved.slug == before[code].slug, code  # the translator's slug stays
        assert_one_address(client, moved)
        assert_gone_from(client, old_urls[code], moved.url)
    assert after["en"].url == "/en/2024/programme/plenary-conference/"
    assert after["es"].url == "/es/2024/programme/conferencia-plenaria/"

    # hreflang pairs the French page with the new English and Spanish addresses.
    links = alternates(client, after["fr"].url)
    assert links["en"] == "http://testserver" + after["en"].url
    assert links["es"] == "http://testserver" + after["es"].url
    assert alternates(client, after["en"].url)["fr"] == "http://testserver" + after["fr"].url
    # So does the sitemap, which no longer has the old addresses.
    sitemap = client.get("/sitemap.xml").content.decode()
    for code in LANGUAGES:
        assert f"http://testserver{after[code].url}" in sitemap, code
        assert f"http://testserver{old_urls[code]}" not in sitemap, code


def test_page_move_moves_translations_and_gives_the_destination_its_languages(
    demo_translated, client
):
    """Page.move (and so the bulk move, the import, a shell): the destination has no page in
    English or Spanish yet (a draft French programme): each language gets an alias of it,
    and the session's pages go below."""
    session = plenary()
    before = pages_of(session)
    destination = programme_2024(published=False)
    assert set(pages_of(destination)) == {"fr"}

    session.move(destination, pos="last-child")

    after = pages_of(session)
    targets = pages_of(destination)
    assert set(targets) == set(LANGUAGES)
    for code in ("en", "es"):
        assert targets[code].alias_of_id == destination.pk
        assert after[code].get_parent().pk == targets[code].pk
        assert after[code].slug == before[code].slug
        assert Page.objects.filter(url_path=before[code].url_path).count() == 0


def test_the_bulk_move_moves_translations_too(demo_translated, admin_client, client):
    session = plenary()
    before = pages_of(session)
    destination = programme_2024()
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "move"))
    response = admin_client.post(f"{url}?id={session.pk}", {"chooser": destination.pk})
    assert response.status_code == 302
    after = pages_of(session)
    targets = pages_of(destination)
    for code in LANGUAGES:
        assert after[code].get_parent().pk == targets[code].pk, code
        assert_gone_from(client, before[code].url, after[code].url)


def test_a_slug_taken_in_the_destination_gets_the_next_free_one(demo_translated, client):
    """Two pages never answer at one address: a follower whose slug is taken where it goes
    gets the next free one."""
    session = plenary()
    destination = programme_2024()
    english = pages_of(destination)["en"]
    english.add_child(instance=StandardPage(title="Squatter", slug="plenary-conference"))
    session.move(destination, pos="last-child")
    moved = pages_of(session)["en"]
    assert moved.slug == "plenary-conference-1"
    assert_one_address(client, moved)


def test_reordering_siblings_moves_nobody_elsewhere(demo_translated):
    session = plenary()
    before = {code: page.path for code, page in pages_of(session).items() if code != "fr"}
    session.move(session.get_parent(), pos="first-child")
    after = {code: page.path for code, page in pages_of(session).items() if code != "fr"}
    assert after == before


# --- deleting ----------------------------------------------------------------------------


def test_deleting_a_french_session_in_the_admin_lists_and_deletes_its_translations(
    demo_translated, admin_client, client
):
    session = plenary()
    before = pages_of(session)
    url = reverse("wagtailadmin_pages:delete", args=(session.pk,))

    page = admin_client.get(url)
    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    listed = html.select(".pages-that-follow li")
    assert len(listed) == 2
    text = " ".join(li.get_text(" ", strip=True) for li in listed)
    assert "Ses pages dans les autres langues seront supprimées aussi" in html.get_text(" ")
    for code in ("en", "es"):
        assert before[code].title in text
        assert before[code].url in text

    assert admin_client.post(url).status_code == 302
    assert not Page.objects.filter(translation_key=session.translation_key).exists()
    for code in LANGUAGES:
        assert status(client, before[code].url) == 404


def test_deleting_a_french_programme_deletes_every_language_of_it_and_its_sessions(
    demo_translated,
):
    programme = Page.objects.get(url_path="/accueil/2025/programme/")
    keys = list(
        Page.objects.descendant_of(programme, inclusive=True).values_list(
            "translation_key", flat=True
        )
    )
    assert Page.objects.filter(translation_key__in=keys).exclude(locale=programme.locale).count()
    programme.delete()
    assert not Page.objects.filter(translation_key__in=keys).exists()


def test_an_alias_goes_with_its_french_page(demo_translated):
    """The Spanish « Relais de la coop déc' » is an alias: it used to become an ordinary
    page, with no French source, that a translator could publish."""
    relais = StandardPage.objects.get(slug="relais-de-la-coop-dec", locale__language_code="fr")
    spanish = pages_of(relais)["es"]
    assert spanish.alias_of_id == relais.pk
    relais.delete()
    assert not Page.objects.filter(pk=spanish.pk).exists()


def test_the_bulk_delete_lists_and_deletes_translations(demo_translated, admin_client):
    session = plenary()
    before = pages_of(session)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    url = f"{url}?id={session.pk}"
    page = admin_client.get(url)
    assert page.status_code == 200
    listed = BeautifulSoup(page.content, "html.parser").select(".pages-that-follow li")
    assert {li.a.get_text(strip=True) for li in listed} == {
        before["en"].title,
        before["es"].title,
    }
    assert admin_client.post(url).status_code == 302
    assert not Page.objects.filter(translation_key=session.translation_key).exists()


def test_deleting_a_translation_leaves_the_french_page(demo_translated):
    session = plenary()
    pages_of(session)["en"].delete()
    assert set(pages_of(session)) == {"fr", "es"}


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
    complete = 0
    for page in Page.objects.filter(pk__in=before).specific():
        slug, revision = before[page.pk]
        assert page.slug == slug, page.url_path
        assert page.live
        assert_one_address(client, page)
        source = page.get_translation(french.locale)
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=page.locale
        )
        total, done = translation.get_progress()
        if total and done == total:
            # Every string translated (issue 25, finding 7): its own words go live with the
            # French publication, at its own address.
            complete += 1
            assert page.title == drafts[page.pk]
            assert not page.has_unpublished_changes
        else:
            # Its draft stays a draft: the live row shows the French words (but its
            # translated title, for menus: issue 25, finding 7), the translator's words
            # wait in the same latest revision.
            assert page.latest_revision_id == revision
            assert page.title == drafts[page.pk]
            assert page.has_unpublished_changes
            assert page.get_latest_revision_as_object().title == drafts[page.pk]
        if slug != source.slug:
            # Not also at the French slug below its parent.
            wrong = page.get_parent().url + source.slug + "/"
            assert status(client, wrong) == 404, wrong

    assert complete > 0
    # The translator publishes the Spanish programme: its sessions stay below it.
    spanish_programme.specific.get_latest_revision().publish()
    for session in Page.objects.child_of(spanish_programme):
        assert_one_address(client, session)
        assert session.url.startswith("/es/2026/programa/")


# --- the repair of older trees -----------------------------------------------------------


def test_the_repair_deletes_orphans_moves_strays_and_fixes_addresses(demo_translated, client):
    english = Locale.objects.get(language_code="en")
    # Left by a French deletion before deletions followed: a translation (wagtail-localize
    # kept its French source) and an alias (Wagtail turned it into an ordinary page).
    relais = StandardPage.objects.get(slug="relais-de-la-coop-dec", locale__language_code="fr")
    leftovers = {code: p.pk for code, p in pages_of(relais).items() if code != "fr"}
    Page.objects.filter(pk=relais.pk).update(translation_key=uuid.uuid4())
    Page.objects.filter(pk=leftovers["es"]).update(alias_of=None)
    # A page made in English by an administrator, with no French page ever: kept.
    english_home = Page.objects.get(depth=2, locale=english)
    own = english_home.add_child(instance=StandardPage(title="English only", slug="only"))
    own.save_revision()
    # A translation moved apart from its French page (before moves followed).
    session = plenary()
    destination = pages_of(programme_2024())["en"]
    stray = pages_of(session)["en"]
    stray.move(destination, pos="last-child")
    # Two addresses: a url_path written from the French slug, and its children's with it.
    spanish_programme = Page.objects.get(url_path="/inicio/2025/programa/")
    descendants = Page.objects.descendant_of(spanish_programme)
    descendants.update(url_path=f"/inicio/2025/programme/{uuid.uuid4().hex}/")
    Page.objects.filter(pk=spanish_programme.pk).update(url_path="/inicio/2025/programme/")

    moved, removed, fixed = repair_trees()

    assert (moved, removed) == (1, 2)
    assert fixed >= 1 + descendants.count()
    assert not Page.objects.filter(pk__in=leftovers.values()).exists()
    assert Page.objects.filter(pk=own.pk).exists()
    stray = Page.objects.get(pk=stray.pk)
    assert stray.get_parent().translation_key == session.get_parent().translation_key
    assert stray.url == "/en/2025/programme/plenary-conference/"
    assert_one_address(client, stray)
    for page in Page.objects.descendant_of(spanish_programme, inclusive=True):
        assert_one_address(client, page)
    assert status(client, "/es/2025/programme/") == 404
    # Nothing left to do the second time.
    assert repair_trees() == (0, 0, 0)


def test_the_repair_runs_after_migrate(db):
    from django.db.models.signals import post_migrate

    receivers = [r[0][0] for r in post_migrate.receivers]
    assert "home.repair_trees" in receivers
    assert receivers.index("home.repair_trees") < receivers.index("home.sync_trees")


@pytest.mark.parametrize("code", ["en", "es"])
def test_a_translator_can_neither_move_nor_delete(demo_translated, client, django_user_model, code):
    from django.contrib.auth.models import Group

    from home.translators import group_name

    user = django_user_model.objects.create_user(
        username=f"traduction-{code}", password="correct horse battery"
    )
    user.groups.add(Group.objects.get(name=group_name(code)))
    client.force_login(user)
    session = plenary()
    page = pages_of(session)[code]
    destination = programme_2024()
    delete = reverse("wagtailadmin_pages:delete", args=(page.pk,))
    move = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, destination.pk))
    # Refused: Wagtail's admin sends a refusal back to the dashboard with a message.
    for response in (client.get(delete), client.post(delete), client.post(move)):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert pages_of(session)[code].path == page.path
