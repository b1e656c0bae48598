"""Finding 1 of issue 25: pages made by « Préparer l'édition suivante » lost their inline rows
in French and Spanish on their first publication (partners, transport, contacts, links,
speakers): the French rows were carried onto each translation in turn. Copy, publish each
page type in French through the admin, and every list is whole in every language."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, TranslatableMixin

import pytest
from bs4 import BeautifulSoup

from editions.models import EditionPage
from home.translation import publishing
from home.translation.facts import fact_relations
from sessions.models import Person, SessionPage

LANGUAGES = ("fr", "en", "es")


def relations(page):
    return [
        rel.get_accessor_name()
        for rel in get_all_child_relations(page)
        if issubclass(rel.related_model, TranslatableMixin)
    ]


def fact_value(row, name):
    """A fact as every language shares it: a snippet by its translation key (each language
    points to its own translation of it), anything else as it is."""
    value = getattr(row, name)
    return str(value.translation_key) if isinstance(value, TranslatableMixin) else value


def rows(page, relation, facts):
    return [
        (str(row.translation_key), row.locale_id, *(fact_value(row, name) for name in facts))
        for row in getattr(page, relation).all()
    ]


def french_pages(year):
    edition = EditionPage.objects.get(year=year, locale__language_code="fr")
    return [
        p.specific for p in Page.objects.descendant_of(edition, inclusive=True).order_by("path")
    ]


def with_a_speaker():
    """A 2025 session with a speaker and an organising partner, published in French."""
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    person = Person.objects.filter(locale__language_code="fr").first()
    revision = session.get_latest_revision()
    page = revision.as_object()
    page.speakers.create(person=person, role="Intervenante")
    page.save_revision().publish()
    return session


def assert_every_list_whole(year):
    """Each page's rows, in every language, are its French latest revision's: same rows by
    translation key, in order, with the French facts, each in its page's language."""
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    checked = 0
    for french in french_pages(year):
        names = relations(french)
        if not names:
            continue
        expected_page = french.get_latest_revision().as_object()
        for relation in names:
            facts = fact_relations(type(french)).get(relation, ())
            expected = [row[:1] + row[2:] for row in rows(expected_page, relation, facts)]
            for code in LANGUAGES:
                page = type(french).objects.get(
                    translation_key=french.translation_key, locale=locales[code]
                )
                found = rows(page, relation, facts)
                assert [row[:1] + row[2:] for row in found] == expected, (
                    french.url_path,
                    code,
                    relation,
                )
                assert {row[1] for row in found} <= {locales[code].pk}, (code, relation)
                checked += len(found)
    return checked


def test_a_copied_edition_keeps_every_list_in_every_language(
    demo_translated, admin_client, client, django_capture_on_commit_callbacks
):
    with_a_speaker()
    call_command("new_edition", "--from", "2025", "--year", "2026", "--start", "2026-07-03")
    pages = french_pages(2026)
    # « Publier » for many pages at once: the admin's bulk publication.
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = "&".join(f"id={p.pk}" for p in pages)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{url}?{query}", {"include_descendants": ""})
    assert response.status_code == 302
    assert all(p.live for p in Page.objects.filter(pk__in=[p.pk for p in pages]))
    # Partners, transport, contacts, links and speakers: 2 + 2 + 1 + 3 + 1 rows, × 3.
    assert assert_every_list_whole(2026) >= 3 * 9
    # What the public reads: the partners in each language's edition page.
    for code in LANGUAGES:
        html = client.get(EditionPage.objects.get(year=2026, locale__language_code=code).url)
        assert "PLATFORMA" in html.content.decode(), code
    # Finding 7: a page whose strings were all translated last year goes live in its own
    # words with the French publication, not in French until a translator publishes it.
    english = SessionPage.objects.get(
        url_path__contains="/2026/", slug="morning-workshops", locale__language_code="en"
    )
    assert english.live and not english.has_unpublished_changes
    page = client.get(english.url).content.decode()
    assert "Ateliers thématiques du matin" not in page
    assert english.title in page
    # A page not translated in full shows the French words, but its menu label is the
    # translated title (« Practical information », not « Infos pratiques »).
    practical = Page.objects.get(
        url_path__contains="/2026/", slug="practical-information", locale__language_code="en"
    )
    assert practical.live and practical.has_unpublished_changes
    assert practical.title == practical.get_latest_revision_as_object().title
    assert practical.title != "Infos pratiques"
    menu = BeautifulSoup(client.get(english.url).content, "html.parser").select("header nav a")
    entry = next(a for a in menu if a.get_text(strip=True) == practical.title)
    assert not entry.has_attr("lang")  # an English word, not marked as French

    # And a 2027 copy of the 2026 one, published page by page (« Publier »).
    call_command("new_edition", "--from", "2026", "--year", "2027", "--start", "2027-07-02")
    for page in french_pages(2027):
        with django_capture_on_commit_callbacks(execute=True):
            page.get_latest_revision().publish()
    assert assert_every_list_whole(2027) >= 3 * 9


def copy_2025():
    call_command("new_edition", "--from", "2025", "--year", "2026", "--start", "2026-07-03")


@pytest.fixture(scope="module")
def copied_snapshot(django_db_blocker, demo_snapshots):
    """The translated demo with its 2025 edition copied into 2026, as `new_edition` makes
    it: made once for the tests below that start from that same copy (a copy of a whole
    edition and its translations takes seconds), and put back in each one's transaction."""
    from django.conf import settings
    from django.utils import translation

    from tests.snapshot import Snapshot

    # In French, as each test runs (tests/conftest.py, default_language).
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE):
        _demo, copied = Snapshot.take(lambda: demo_snapshots("demo_translated"), copy_2025)
    return copied


@pytest.fixture
def copied(db, copied_snapshot):
    """The 2026 copy of the translated demo's 2025 edition (every table the demo or the copy
    wrote is in the snapshot, whole)."""
    copied_snapshot.restore()


def test_check_inline_rows_finds_the_lost_lists_and_mends_them(
    copied, monkeypatch, django_capture_on_commit_callbacks
):
    # Published as before the fix: the French rows were carried onto the translations.
    monkeypatch.setattr(publishing, "own_rows", lambda *args: None)
    for page in french_pages(2026):
        with django_capture_on_commit_callbacks(execute=True):
            page.get_latest_revision().publish()
    monkeypatch.undo()
    french = EditionPage.objects.get(year=2026, locale__language_code="fr")
    assert french.edition_partners.count() == 0  # the loss, as editors saw it

    out = StringIO()
    call_command("check_inline_rows", stdout=out)
    report = out.getvalue()
    assert "/accueil/2026/ (fr" in report
    assert "edition_partners: 0 live row(s), 2 in the published revision" in report
    assert "infos-pratiques" in report

    call_command("check_inline_rows", "--repair", stdout=StringIO())
    assert assert_every_list_whole(2026) >= 3 * 8
    out = StringIO()
    call_command("check_inline_rows", stdout=out)
    assert out.getvalue().strip().endswith("0 page(s) found")


@pytest.mark.parametrize("code", ["en", "es"])
def test_a_translation_published_with_the_french_keeps_its_own_rows(copied, code):
    """The translation that goes live with the French words gets rows of its own: the French
    page's rows stay where they are."""
    french = EditionPage.objects.get(year=2026, locale__language_code="fr")
    french_rows = list(french.edition_partners.values_list("pk", flat=True))
    french.get_latest_revision().publish()
    assert list(french.edition_partners.values_list("pk", flat=True)) == french_rows
    other = EditionPage.objects.get(year=2026, locale__language_code=code)
    assert other.live
    assert not set(other.edition_partners.values_list("pk", flat=True)) & set(french_rows)
    assert other.edition_partners.count() == len(french_rows)
