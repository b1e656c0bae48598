"""Findings 2 and 3 of issue 25: « Planifier la publication du programme » answered 500 when a
session was untranslated (a revision of an alias), published Rédacteurs' drafts nobody had
submitted, locked every page until go-live and could only be cancelled page by page."""

import datetime
import zoneinfo

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale

import pytest
import time_machine
from bs4 import BeautifulSoup

from sessions.models import ProgrammePage, SessionPage

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
RELEASE = datetime.datetime(2025, 5, 2, 9, 0, tzinfo=PARIS)


@pytest.fixture
def prepared(demo_translated, django_user_model):
    """The 2025 programme hidden while it is prepared, one session untranslated (an alias in
    English and Spanish), and a Rédacteur's draft saved but never submitted."""
    programme = ProgrammePage.objects.get(locale__language_code="fr", url_path__contains="/2025/")
    for page in [programme, *SessionPage.objects.child_of(programme)]:
        page.unpublish()
    untranslated = SessionPage.objects.get(slug="pause-cafe", locale__language_code="fr")
    for page in untranslated.get_translations():
        page.delete()
    untranslated.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    redactrice = django_user_model.objects.create_user("redactrice", "r@example.org", "x")
    redactrice.groups.add(Group.objects.get(name="Rédacteurs"))
    drafted = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    draft = drafted.get_latest_revision_as_object()
    draft.title = "Ateliers (brouillon non soumis)"
    draft.save_revision(user=redactrice)
    return {"programme": programme, "untranslated": untranslated, "drafted": drafted}


def schedule(admin_client, programme, **data):
    return admin_client.post(
        reverse("programme_release", args=[programme.pk]),
        {"go_live_at": "02/05/2025 09:00", "translations": "on", **data},
        follow=True,
    )


def translations_of(page):
    return [
        p.specific
        for p in page.get_translations().filter(alias_of__isnull=True).order_by("depth", "path")
    ]


def test_the_release_leaves_out_unsubmitted_drafts_and_follows_aliases(
    prepared, admin_client, client
):
    programme, drafted = prepared["programme"], prepared["drafted"]
    with time_machine.travel("2025-05-01 12:00 +02:00", tick=False):
        form = admin_client.get(reverse("programme_release", args=[programme.pk]))
        left = BeautifulSoup(form.content, "html.parser").select(".release-left-out li")
        left = [li.get_text(" ", strip=True) for li in left]
        assert left[0] == (
            "Ateliers (brouillon non soumis) (fr) : un brouillon de redactrice, jamais soumis "
            "à la relecture"
        )
        # Its translations wait with it.
        assert left[1:] == [
            f"{page.title} ({page.locale.language_code}) : sa page française est laissée de côté"
            for page in translations_of(drafted)
        ]
        # The other translations go live with their French page, not with their own draft.
        following = BeautifulSoup(form.content, "html.parser").select_one(".release-following")
        others = SessionPage.objects.child_of(programme).exclude(pk=drafted.pk)
        count = len(translations_of(programme)) + sum(len(translations_of(s)) for s in others)
        assert following.get_text(" ", strip=True).startswith(
            f"{count} traductions sont publiées avec leur page française"
        )
        response = schedule(admin_client, programme)
        assert response.status_code == 200  # no longer a 500 on the untranslated session
        text = response.content.decode()
        assert "pages seront publiées le" in text
        assert "Laissée de côté : « Ateliers (brouillon non soumis) » (fr)" in text
        # Nothing is locked: editors keep working on the scheduled pages.
        session = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
        assert session.scheduled_revision is not None
        assert not session.get_lock()
        edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[session.pk]))
        assert "verrouillée" not in edit.content.decode()
        # A new draft does not cancel the release.
        later = session.get_latest_revision_as_object()
        later.title = "Séance d'ouverture (après la programmation)"
        later.save_revision()
        assert SessionPage.objects.get(pk=session.pk).scheduled_revision is not None

    with time_machine.travel(RELEASE + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
    assert client.get("/fr/2025/programme/").status_code == 200
    # The untranslated session follows its French page in English.
    assert client.get("/en/2025/programme/pause-cafe/").status_code == 200
    # The Rédacteur's draft did not go live: the session stays unpublished.
    drafted.refresh_from_db()
    assert not drafted.live
    assert client.get("/fr/2025/programme/ateliers-matin/").status_code == 404
    for page in translations_of(drafted):
        assert not page.live, page.locale
    # The draft saved after scheduling is still a draft; the scheduled words went live.
    session = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    assert session.live and session.has_unpublished_changes
    assert session.title != "Séance d'ouverture (après la programmation)"


def test_the_whole_release_is_cancelled_at_once(prepared, admin_client, client):
    programme = prepared["programme"]
    with time_machine.travel("2025-05-01 12:00 +02:00", tick=False):
        schedule(admin_client, programme)
        cancel = reverse("programme_release_cancel", args=[programme.pk])
        explore = admin_client.get(reverse("wagtailadmin_explore", args=[programme.pk]))
        assert cancel in explore.content.decode()  # offered in the programme's actions
        listed = BeautifulSoup(admin_client.get(cancel).content, "html.parser")
        assert len(listed.select("main li")) >= 10
        response = admin_client.post(cancel, follow=True)
        assert "Les publications programmées de" in response.content.decode()
        assert not [p for p in SessionPage.objects.child_of(programme) if p.scheduled_revision]
    with time_machine.travel(RELEASE + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
    assert client.get("/fr/2025/programme/").status_code == 404


def english_title_string(page, words):
    """Translate the English title of `page` (French) as a translator would: the strings
    change, no page revision is made."""
    from wagtail_localize.models import StringTranslation, TranslationSource

    source = TranslationSource.objects.get_for_instance(page)
    segment = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale=Locale.objects.get(language_code="en"),
        context_id=segment.context_id,
        defaults={"data": words},
    )


def test_a_stale_translation_draft_is_not_what_goes_live(prepared, admin_client, client):
    """A copied edition's translations carry drafts made against last year's French words:
    the release publishes the words translated now, not those drafts."""
    programme = prepared["programme"]
    french = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    english = french.get_translation(Locale.objects.get(language_code="en")).specific
    stale = english.get_latest_revision_as_object()
    stale.title = "Opening (last year's draft)"
    stale.save_revision()
    english_title_string(french, "Opening of the 2025 Rencontres")
    with time_machine.travel("2025-05-01 12:00 +02:00", tick=False):
        schedule(admin_client, programme)
    with time_machine.travel(RELEASE + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
    english.refresh_from_db()
    assert english.live
    assert english.title == "Opening of the 2025 Rencontres"
    html = client.get(english.url).content.decode()
    assert "Opening of the 2025 Rencontres" in html
    assert "last year" not in html


def test_a_complete_translation_of_a_live_page_is_scheduled_with_its_words(
    demo_translated, admin_client, client
):
    """The French programme is live and unchanged: a translation whose strings are all
    translated is scheduled with them, not with its own older draft."""
    programme = ProgrammePage.objects.get(locale__language_code="fr", url_path__contains="/2025/")
    french = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    english = french.get_translation(Locale.objects.get(language_code="en")).specific
    shown = english.title
    stale = english.get_latest_revision_as_object()
    stale.title = "Opening (a stale draft)"
    stale.save_revision()
    english_title_string(french, "Opening, as translated today")
    with time_machine.travel("2025-05-01 12:00 +02:00", tick=False):
        form = admin_client.get(reverse("programme_release", args=[programme.pk]))
        assert "Opening (a stale draft)" not in [
            a.get_text(strip=True)
            for a in BeautifulSoup(form.content, "html.parser").select(".release-left-out a")
        ]
        schedule(admin_client, programme)
    english.refresh_from_db()
    assert english.title == shown  # nothing changes before the release
    with time_machine.travel(RELEASE + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
    english.refresh_from_db()
    assert english.title == "Opening, as translated today"
    assert "Opening, as translated today" in client.get(english.url).content.decode()
