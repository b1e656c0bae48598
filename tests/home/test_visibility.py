"""The public-visibility rule (home/visibility.py), finding by finding of issue 24: exports
answer as their page does, restrictions follow the French, listings hide what a restriction
protects, and a draft never takes an address."""

import io
import json

from django.test import Client
from django.utils import translation

from wagtail.models import Page, PageViewRestriction

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from editions.models import EditionPage, PracticalInfoPage
from sessions.models import ProgrammePage, SessionPage
from tests.helpers import errors_of

PROGRAMME_EXPORTS = (
    "calendar.ics",
    "schedule.xml",
    "schedule.json",
    "programme.pdf",
    "modifications.atom",
    "mon-programme.ics?s=00000001",
)


def french(model, **lookup):
    return model.objects.filter(locale__language_code="fr", **lookup)


def edition():
    return french(EditionPage, year=2025).get()


def programme(language="fr"):
    fr = ProgrammePage.objects.child_of(edition()).get()
    return fr if language == "fr" else fr.get_translation(locale_of(language))


def locale_of(language):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=language)


def a_session():
    return SessionPage.objects.live().descendant_of(programme()).first()


def password_on(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="rencontres"
    )


def asks_password(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return response.status_code == 200 and soup.select_one("input[type=password]") is not None


@pytest.fixture
def visitor():
    return Client()


# --- 1. exports answer as their page does ---------------------------------------------------


@pytest.mark.parametrize("restricted", ["edition", "programme"])
def test_the_programme_exports_ask_for_the_password_of_the_programme(
    demo_translated, visitor, restricted
):
    url = programme().url
    for name in PROGRAMME_EXPORTS:
        assert visitor.get(url + name).status_code == 200, name
    password_on(edition() if restricted == "edition" else programme())
    for name in PROGRAMME_EXPORTS:
        response = visitor.get(url + name)
        assert asks_password(response), name
        assert b"BEGIN:VCALENDAR" not in response.content
        assert b"<schedule" not in response.content


def test_a_session_calendar_asks_for_the_session_password(demo_translated, visitor):
    session = a_session()
    assert b"BEGIN:VCALENDAR" in visitor.get(session.url + "calendar.ics").content
    password_on(session)
    response = visitor.get(session.url + "calendar.ics")
    assert asks_password(response)
    assert session.title.encode() not in response.content


def test_a_login_restriction_sends_the_export_to_the_login_page(demo_translated, visitor):
    PageViewRestriction.objects.create(page=programme(), restriction_type=PageViewRestriction.LOGIN)
    response = visitor.get(programme().url + "schedule.json")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_password_opens_the_export_too(demo_translated, visitor):
    restriction = password_on(programme())
    from django.urls import reverse

    with translation.override("fr"):
        address = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, programme().pk]
        )
    response = visitor.post(
        address,
        {"password": "rencontres", "return_url": programme().url + "schedule.json"},
    )
    assert response.status_code == 302
    data = json.loads(visitor.get(programme().url + "schedule.json").content)
    assert data["schedule"]["conference"]["days"]


# --- 2. restrictions follow the French -----------------------------------------------------


def test_a_french_restriction_is_copied_to_every_language_and_lifted_with_it(demo_translated):
    page = programme()
    restriction = password_on(page)
    copies = PageViewRestriction.objects.filter(page__translation_key=page.translation_key).exclude(
        page=page
    )
    assert sorted(r.page.locale.language_code for r in copies) == ["en", "es"]
    assert {r.password for r in copies} == {"rencontres"}
    restriction.delete()
    assert not copies.all().exists()


def test_the_translations_and_their_exports_ask_for_the_french_password(demo_translated, visitor):
    password_on(programme())
    for language in ("en", "es"):
        page = programme(language)
        assert asks_password(visitor.get(page.url)), language
        assert asks_password(visitor.get(page.url + "calendar.ics")), language
        session = SessionPage.objects.live().descendant_of(page).first()
        assert asks_password(visitor.get(session.url)), session.url


def test_the_french_restriction_holds_without_its_copies(demo_translated, visitor):
    """Even where a copy is missing (deleted by hand, older data), the French decides."""
    page = programme()
    password_on(page)
    PageViewRestriction.objects.filter(page__translation_key=page.translation_key).exclude(
        page=page
    ).delete()
    english = programme("en")
    response = visitor.get(english.url)
    assert asks_password(response)
    # One password for every language: the form posts the French restriction.
    form = BeautifulSoup(response.content, "html.parser").select_one("form[action]")
    french_restriction = PageViewRestriction.objects.get(page=page)
    assert f"/{french_restriction.pk}/" in form["action"]


def test_a_translation_made_later_takes_the_french_restrictions(
    demo_translated, django_capture_on_commit_callbacks
):
    practical = french(PracticalInfoPage).get()
    Page.objects.filter(translation_key=practical.translation_key).exclude(pk=practical.pk).delete()
    password_on(practical)
    with django_capture_on_commit_callbacks(execute=True):
        english = practical.copy_for_translation(locale_of("en"), copy_parents=True)
    assert list(
        PageViewRestriction.objects.filter(page=english).values_list("password", flat=True)
    ) == ["rencontres"]


def test_english_and_spanish_listings_hide_a_french_restricted_programme(demo_translated, visitor):
    session = a_session()
    password_on(programme())
    keys = {str(session.translation_key)}
    sitemap = visitor.get("/sitemap.xml").content.decode()
    for language in ("fr", "en", "es"):
        translated = session.get_translation_or_none(locale_of(language))
        assert translated is not None
        assert translated.full_url not in sitemap
        with translation.override(language):
            offline = json.loads(visitor.get(f"/{language}/hors-ligne.json").content)
        assert not [url for url in offline["pages"] if url.startswith(programme(language).url)]
    assert keys  # the session's addresses were checked in each language


# --- 4. listings hide what a restriction protects -------------------------------------------


def test_the_edition_page_lists_no_session_of_a_restricted_programme(demo_translated, visitor):
    session = a_session()
    before = visitor.get(edition().url).content.decode()
    assert session.url in before
    password_on(programme())
    page = visitor.get(edition().url).content.decode()
    assert session.url not in page
    soup = BeautifulSoup(page, "html.parser")
    for script in soup.select('script[type="application/ld+json"]'):
        assert session.title not in script.string


def test_a_restricted_practical_page_is_printed_nowhere(demo_translated, visitor):
    practical = french(PracticalInfoPage).get()
    PracticalInfoPage.objects.filter(translation_key=practical.translation_key).update(
        parking_name="Parc Zqvx7"
    )
    assert "Parc Zqvx7" in visitor.get(edition().url).content.decode()
    password_on(practical)
    assert "Parc Zqvx7" not in visitor.get(edition().url).content.decode()
    pdf = visitor.get(programme().url + "programme.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Zqvx7" not in text
    assert practical.title not in text


def test_the_change_log_names_no_restricted_session(demo_translated, visitor):
    from sessions.choices import ChangeKind
    from sessions.models import SessionChange

    session = a_session()
    SessionChange.objects.create(
        edition_key=edition().translation_key,
        session_key=session.translation_key,
        at=session.last_published_at,
        kind=ChangeKind.STATUS,
        before={"status": "scheduled"},
        after={"status": "cancelled"},
    )
    log = programme().url + "modifications/"
    assert session.title in visitor.get(log).content.decode()
    password_on(session)
    assert session.title not in visitor.get(log).content.decode()
    assert session.title not in visitor.get(programme().url + "modifications.atom").content.decode()


# --- 5. a draft never takes an address ------------------------------------------------------


@pytest.mark.parametrize("slug", ["maintenant", "ecrans", "mon-programme", "modifications"])
def test_a_draft_session_does_not_hide_the_programme_s_own_views(demo, visitor, slug):
    page = programme()
    url = page.url + f"{slug}/"
    draft = SessionPage(
        title="Brouillon",
        slug=slug,
        live=False,
        session_type=a_session().session_type,
        start=a_session().start,
        end=a_session().end,
    )
    page.add_child(instance=draft)
    draft.save_revision(clean=False)  # data from before the slug rule
    assert visitor.get(url).status_code == 200, url


@pytest.mark.parametrize("slug", ["maintenant", "ecrans", "mon-programme", "calendar.ics"])
def test_a_slug_taken_by_a_view_of_the_parent_is_refused_in_french(demo, slug):
    model = a_session()
    session = SessionPage(
        title="Séance",
        slug=slug,
        session_type=model.session_type,
        start=model.start,
        end=model.end,
    )
    session._parent_for_validation = programme()
    errors = errors_of(session)
    assert any("réservée" in message for message in errors["slug"]), errors


def test_a_live_page_below_an_unpublished_one_answers_404(demo, visitor):
    session = a_session()
    assert visitor.get(session.url).status_code == 200
    programme().unpublish()
    assert visitor.get(session.url).status_code == 404
    assert visitor.get(session.url + "calendar.ics").status_code == 404
