"""Start the next edition from the last one: the whole tree and its translations copied,
unpublished, dates moved, registration reset, the old edition untouched."""

import datetime
import zoneinfo

from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

import pytest
from bs4 import BeautifulSoup

from editions.copy_review import stale_patterns
from editions.copying import YEAR_FIELDS, EditionCopier
from editions.models import EditionPage
from sessions.models import ProgrammePage, SessionPage

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
LANGUAGES = ("fr", "en", "es")


def edition(year, code):
    return EditionPage.objects.get(year=year, locale__language_code=code)


def tree(page):
    return [p.specific for p in Page.objects.descendant_of(page, inclusive=True).order_by("path")]


def snapshot(year):
    """What the public and the admin know of an edition, in every language."""
    rows = []
    for code in LANGUAGES:
        for page in tree(edition(year, code)):
            rows.append(
                (
                    page.pk,
                    page.title,
                    page.slug,
                    page.live,
                    page.latest_revision_id,
                    getattr(page, "start", None),
                    getattr(page, "registration_url", None),
                    page.translation_key,
                )
            )
    return rows


def relative(page, root):
    """A page's position below its edition, in slugs of the source language."""
    return page.url_path[len(root.url_path) :]


@pytest.fixture
def copied(demo_translated):
    before = snapshot(2025)
    call_command(
        "new_edition", "--from", "2025", "--year", "2026", "--start", "2026-07-03", stdout=None
    )
    return before


def test_the_whole_tree_is_copied_in_every_language_and_nothing_is_live(copied, client):
    for code in LANGUAGES:
        # Pages shown untranslated (aliases of the French) are not translations to copy: the
        # new French pages get aliases of their own when they are published.
        old = [p for p in tree(edition(2025, code)) if not p.alias_of_id]
        new = tree(edition(2026, code))
        assert [type(p).__name__ for p in new] == [type(p).__name__ for p in old]
        assert [p.live for p in new] == [False] * len(old)
        # Titles and slugs in that language, the year moved on.
        assert [(p.slug, p.title) for p in new[1:]] == [(p.slug, p.title) for p in old[1:]]
        assert new[0].title == old[0].title.replace("2025", "2026")
        assert new[0].slug == "2026"
    assert len(tree(edition(2026, "es"))) < len(tree(edition(2026, "en")))  # as far as 2025 went
    for url in ["/fr/2026/", "/en/2026/", "/es/2026/", "/fr/2026/programme/ateliers-matin/"]:
        assert client.get(url).status_code == 404
    assert client.get("/fr/").content.decode().count("/fr/2026/") == 0


def test_the_copies_are_translations_of_each_other_in_wagtail_localize(copied):
    french = tree(edition(2026, "fr"))
    for code in ("en", "es"):
        locale = Locale.objects.get(language_code=code)
        for page in tree(edition(2026, code)):
            source_page = next(p for p in french if p.translation_key == page.translation_key)
            source = TranslationSource.objects.get(object_id=source_page.translation_key)
            assert source.locale.language_code == "fr"
            translation = Translation.objects.get(source=source, target_locale=locale)
            assert translation.enabled
    # As much of each page is translated as in the old edition: strings and their context.
    # Except the words that name 2025, its date or its number: to translate again.
    old_french = tree(edition(2025, "fr"))
    stale = stale_patterns(edition(2025, "fr"))
    for code in ("en", "es"):
        locale = Locale.objects.get(language_code=code)
        for old, new in zip(old_french, french, strict=True):
            expected = {
                key: text
                for key, text in translated_strings(old, locale, year=True).items()
                if not stale.search(key[1])
            }
            assert translated_strings(new, locale) == expected
    english = edition(2026, "en")
    assert "Workshops" in [p.title for p in tree(english)]
    assert english.theme == edition(2025, "en").theme != edition(2025, "fr").theme


def translated_strings(page, locale, year=False):
    """{(field, source text): translation} for a page's wagtail-localize source."""
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    if source is None:
        return {}
    segments = (
        StringSegment.objects.filter(source=source)
        .annotate_translation(locale)
        .select_related("string", "context")
    )
    found = {}
    for segment in segments:
        if segment.translation is None:
            continue
        text, translation = segment.string.data, segment.translation
        if year and segment.context.path in YEAR_FIELDS:
            text, translation = text.replace("2025", "2026"), translation.replace("2025", "2026")
        found[(segment.context.path.split(".")[0], text)] = translation
    return found


def test_dates_move_to_the_new_first_day_at_the_same_local_times(copied):
    for code in LANGUAGES:
        old, new = edition(2025, code), edition(2026, code)
        assert new.start.astimezone(PARIS) == datetime.datetime(2026, 7, 3, 8, 0, tzinfo=PARIS)
        assert new.start.astimezone(PARIS).time() == old.start.astimezone(PARIS).time()
        assert new.end.astimezone(PARIS).time() == old.end.astimezone(PARIS).time()
        old_sessions = {
            relative(s, old): s for s in SessionPage.objects.descendant_of(old).specific()
        }
        new_sessions = list(SessionPage.objects.descendant_of(new))
        assert len(new_sessions) == len(old_sessions) > 0
        for session in new_sessions:
            before = old_sessions[relative(session, new)]
            assert session.start.astimezone(PARIS).date() == datetime.date(2026, 7, 3)
            assert session.start.astimezone(PARIS).time() == before.start.astimezone(PARIS).time()
            assert session.end - session.start == before.end - before.start
            assert session.room_id == before.room_id
            assert session.session_type == before.session_type
            assert session.status == "scheduled"
            assert not session.resources
        assert new.number == old.number + 1 == 17


def test_registration_is_reset_and_partners_kept(copied):
    for code in LANGUAGES:
        old, new = edition(2025, code), edition(2026, code)
        assert old.registration_url
        assert (new.registration_url, new.registration_opens, new.registration_closes) == (
            "",
            None,
            None,
        )
        assert new.registration_state() is None
        assert new.status == "scheduled"
        assert new.hashtag == old.hashtag.replace("2025", "2026")
        assert [(r.partner_id, r.tier_id, r.show_in_footer) for r in new.partner_rows()] == [
            (r.partner_id, r.tier_id, r.show_in_footer) for r in old.partner_rows()
        ]
        assert new.venue_id == old.venue_id
        assert new.venue.locale.language_code == code
        # Its programme is not announced yet: its change log starts when its editors say so.
        old_programme = ProgrammePage.objects.child_of(old).get()
        assert old_programme.announced_at is not None
        assert ProgrammePage.objects.child_of(new).get().announced_at is None


def test_the_old_edition_is_untouched(copied, client):
    assert snapshot(2025) == copied
    response = client.get("/en/2025/programme/")
    assert response.status_code == 200
    assert "2026" not in response.content.decode()


def test_once_published_the_new_edition_is_public_in_each_language(copied, client):
    for code in LANGUAGES:
        new = edition(2026, code)
        new.get_latest_revision().publish()
        page = client.get(new.url)
        assert page.status_code == 200
        text = BeautifulSoup(page.content, "html.parser").get_text(" ")
        assert "2026" in text
    french = BeautifulSoup(client.get("/fr/2026/").content, "html.parser").get_text(" ")
    assert "17e édition" in french
    assert "vendredi 3 juillet 2026" in french
    # Its sessions are drafts until an editor publishes them.
    assert client.get("/fr/2026/programme/ateliers-matin/").status_code == 404


def test_sessions_can_be_left_out(demo_translated):
    call_command(
        "new_edition",
        "--from",
        "2025",
        "--year",
        "2026",
        "--start",
        "2026-07-03",
        "--without-sessions",
        stdout=None,
    )
    for code in LANGUAGES:
        new = edition(2026, code)
        assert not SessionPage.objects.descendant_of(new).exists()
        assert new.get_children().filter(slug__in=["programme", "programa"]).exists()
    assert SessionPage.objects.descendant_of(edition(2025, "fr")).count() == 14


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--year", "2025", "--start", "2025-09-01"], "Une édition existe déjà pour l'année 2025"),
        (["--year", "2026", "--start", "2027-07-02"], "L'édition 2026 doit commencer en 2026"),
        (["--year", "2026", "--start", "3 juillet"], "n'est pas une date"),
    ],
)
def test_bad_requests_write_nothing(demo_translated, arguments, message):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("new_edition", "--from", "2025", *arguments)
    assert Page.objects.count() == pages


def test_summer_time_change_and_the_pretix_event_of_one_year(edition, programme):
    from sessions.factories import SessionPageFactory

    SessionPageFactory(
        parent=programme,
        slug="ouverture",
        start=datetime.datetime(2025, 7, 4, 9, 30, tzinfo=PARIS),
        end=datetime.datetime(2025, 7, 4, 10, 30, tzinfo=PARIS),
    )
    edition.registration_provider = "pretix"
    edition.pretix_organizer, edition.pretix_event = "cuf", "rencontres-2025"
    edition.save_revision().publish()
    report = EditionCopier(edition, year=2026, start=datetime.date(2026, 1, 16)).run()
    new = report.edition
    assert (new.registration_provider, new.pretix_organizer, new.pretix_event) == (
        "pretix",
        "cuf",
        "",
    )
    copy = SessionPage.objects.descendant_of(report.edition).get()
    assert copy.start.astimezone(PARIS) == datetime.datetime(2026, 1, 16, 9, 30, tzinfo=PARIS)
    assert copy.start.utcoffset() is not None
    assert copy.start.astimezone(datetime.UTC).hour == 8  # winter time: UTC+1


# --- the admin action --------------------------------------------------------------------


def action_url(page):
    return reverse("editions_new_edition", args=[page.pk])


def test_the_edition_page_offers_the_action(demo_translated, admin_client):
    old = edition(2025, "fr")
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[old.pk]))
    assert action_url(old) in page.content.decode()
    listing = admin_client.get(reverse("wagtailadmin_explore", args=[old.get_parent().pk]))
    assert action_url(old) in listing.content.decode()
    form = admin_client.get(action_url(old))
    soup = BeautifulSoup(form.content, "html.parser")
    assert soup.find("input", {"name": "year"})["value"] == "2026"
    assert soup.find("input", {"name": "number"})["value"] == "17"
    assert soup.find("input", {"name": "start"})["value"] == "03/07/2026"
    assert "Préparer l'édition suivante" in soup.get_text()


def test_the_admin_action_reports_errors_on_the_field_and_writes_nothing(
    demo_translated, admin_client
):
    pages = Page.objects.count()
    response = admin_client.post(
        action_url(edition(2025, "fr")),
        {
            "year": "2024",
            "number": "17",
            "start": "2024-07-05",
            "sessions": "drafts",
            "earlier": "on",
        },
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    year_field = soup.find("input", {"name": "year"}).find_parent(attrs={"data-field": True})
    assert "Une édition existe déjà pour l'année 2024." in year_field.get_text()
    assert Page.objects.count() == pages


def test_the_admin_action_creates_the_edition_from_any_of_its_languages(
    demo_translated, admin_client
):
    response = admin_client.post(
        action_url(edition(2025, "en")),
        {"year": "2026", "number": "17", "start": "03/07/2026", "sessions": "omit"},
        follow=True,
    )
    new = edition(2026, "fr")
    assert response.status_code == 200  # the review of what still names 2025
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text()
    assert "Rien n'est publié" in text
    edit_url = reverse("wagtailadmin_pages:edit", args=[new.pk])
    assert soup.find("a", string="Modifier la nouvelle édition")["href"] == edit_url
    assert not SessionPage.objects.descendant_of(new).exists()
    assert edition(2026, "es").live is False


def test_translators_cannot_start_an_edition(demo_translated, client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("traductrice", "t@example.org", "mot de passe")
    user.groups.add(Group.objects.get(name="Traducteurs EN"))
    client.force_login(user)
    url = action_url(edition(2025, "en"))
    data = {"year": "2026", "number": "17", "start": "03/07/2026", "sessions": "omit"}
    for response in (client.get(url), client.post(url, data)):
        assert response.status_code == 302  # Wagtail's refusal: back to the dashboard
        assert response["Location"] == reverse("wagtailadmin_home")
    page = client.get(reverse("wagtailadmin_pages:edit", args=[edition(2025, "en").pk]))
    assert url not in page.content.decode()
    assert not EditionPage.objects.filter(year=2026).exists()


# --- what the copy must not carry over unseen ------------------------------------------------


def test_the_copy_lists_what_names_last_year_and_repoints_links(demo_translated, admin_client):
    response = admin_client.post(
        action_url(edition(2025, "fr")),
        {"year": "2026", "number": "17", "start": "03/07/2026", "sessions": "drafts"},
    )
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [" ".join(tr.get_text(" ").split()) for tr in soup.select("table.listing tbody tr")]
    assert any("4 juillet 2025" in row and "Introduction" in row for row in rows), rows
    assert any("16e édition" in row for row in rows), rows
    new = edition(2026, "fr")
    # The highlight that linked last year's « Relais » page links this year's copy.
    relais_2026 = new.get_children().get(slug="relais-de-la-coop-dec")
    linked = [block.value["page"] for block in new.get_latest_revision_as_object().highlights]
    assert relais_2026.specific in [page.specific for page in linked if page]
    assert not any(page and page.is_descendant_of(edition(2025, "fr")) for page in linked)
    # The English introduction is not carried over as translated: it names 4 July 2025.
    english = Locale.objects.get(language_code="en")
    strings = translated_strings(new, english)
    assert not any("2025" in source for (_field, source) in strings)


def test_the_copy_lists_the_images_that_name_last_year(demo_translated, admin_client):
    """Finding 7 of issue 25: the new edition showed last year's poster, unlisted."""
    old = edition(2025, "fr")
    poster = old.key_visual
    # An image of the page that does not name 2025 (the author's portrait) is not listed.
    photo = old.editorial_author.photo
    assert "2025" in poster.title and "2025" not in photo.title
    old.editorial_photo = photo
    old.save_revision().publish()
    response = admin_client.post(
        action_url(old),
        {"year": "2026", "number": "17", "start": "03/07/2026", "sessions": "drafts"},
    )
    soup = BeautifulSoup(response.content, "html.parser")
    heading = soup.find("h2", string=lambda text: text and text.startswith("Images"))
    assert heading is not None
    rows = heading.find_next("table").select("tbody tr")
    listed = [" ".join(row.get_text(" ").split()) for row in rows]
    assert any(poster.title in row and "Visuel de l" in row for row in listed), listed
    assert not any(photo.title in row for row in listed), listed
    links = [a["href"] for row in rows for a in row.select("a")]
    assert reverse("wagtailimages:edit", args=[poster.pk]) in links
    assert reverse("wagtailadmin_pages:edit", args=[edition(2026, "fr").pk]) in links


def test_the_dashboard_moves_to_the_edition_in_preparation(demo_translated, admin_client):
    call_command(
        "new_edition", "--from", "2025", "--year", "2026", "--start", "2026-07-03", stdout=None
    )
    import time_machine

    with time_machine.travel("2026-01-15 12:00 +01:00", tick=False):
        home = BeautifulSoup(admin_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = home.get_text(" ")
    assert "Édition en préparation" in panel and "Rencontres de l'AICT 2026" in panel
    new_programme = edition(2026, "fr").get_children().get(slug="programme")
    links = [a["href"] for a in home.select("a[href]")]
    assert reverse("programme_import", args=[new_programme.pk]) in links


def test_an_earlier_year_is_refused_until_confirmed_and_the_command_speaks_french(demo_translated):
    import io

    with pytest.raises(CommandError, match="2018 est antérieure à l.édition copiée"):
        call_command("new_edition", "--from", "2025", "--year", "2018", "--start", "2018-07-04")
    out = io.StringIO()
    call_command(
        "new_edition",
        "--from",
        "2025",
        "--year",
        "2018",
        "--start",
        "2018-07-06",
        "--earlier",
        stdout=out,
    )
    text = out.getvalue()
    assert "pages copiées, non publiées" in text and "pages copied" not in text
    assert "À relire" in text
