"""One programme in every language, in the real admin: a Rédacteur moves the plenary, changes
its room and a speaker's role; a Modérateur approves; with no other action, the English and
Spanish session pages, programmes, ICS, JSON-LD and PDF show the new facts."""

import datetime
import io
import json
import re

from django.contrib.auth.models import Group

import pytest
from pypdf import PdfReader

from sessions.models import Person, Room, SessionPage, SessionSpeaker

from .conftest import EDITOR_PASSWORD, admin_login, footer_action, save_screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def people(demo_site, django_user_model):
    found = {}
    for username, group in (("redactrice", "Rédacteurs"), ("moderateur", "Modérateurs")):
        user = django_user_model.objects.create_user(username, f"{username}@e.org", EDITOR_PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        found[username] = user
    return found


def test_a_moderated_french_change_reaches_every_language(browser, live_server, people):
    plenary = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    person = Person.objects.create(
        first_name="Ada", last_name="Lovelace", slug="ada-lovelace", locale=plenary.locale
    )
    plenary.speakers = [SessionSpeaker(person=person, role="speaker", locale=plenary.locale)]
    plenary.save_revision().publish()
    room = (
        Room.objects.filter(
            locale=plenary.locale, venue__translation_key=plenary.edition.venue.translation_key
        )
        .exclude(pk=plenary.room_id)
        .order_by("name")
        .first()
    )
    new_start = plenary.edition.local(plenary.start) + datetime.timedelta(minutes=15)

    # The Rédacteur edits and submits.
    page = admin_login(browser, live_server.url, "redactrice")
    page.goto(f"{live_server.url}/admin/pages/{plenary.pk}/edit/")
    page.fill("#id_start", new_start.strftime("%d/%m/%Y %H:%M"))
    page.keyboard.press("Escape")
    page.locator("[data-field-wrapper]:has(#id_room) [data-chooser-action-choose]").first.click()
    page.locator(".modal a[data-chooser-modal-choice]", has_text=room.name).first.click()
    page.select_option("#id_speakers-0-role", "moderator")
    footer_action(page, re.compile("Soumettre"))
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    page.context.close()
    assert SessionPage.objects.get(pk=plenary.pk).start == plenary.start  # not published yet

    # The Modérateur approves.
    page = admin_login(browser, live_server.url, "moderateur")
    page.goto(f"{live_server.url}/admin/pages/{plenary.pk}/edit/")
    footer_action(page, "Approuver et Publier")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    page.context.close()

    plenary = SessionPage.objects.get(pk=plenary.pk)
    assert plenary.edition.local(plenary.start) == new_start
    assert plenary.room_id == room.pk

    # A visitor, in each language, with no other action from anyone.
    visitor = browser.new_context(locale="en-GB")
    page = visitor.new_page()
    hhmm = new_start.strftime("%H:%M")
    for translation in plenary.get_translations(inclusive=True):
        translation = translation.specific
        assert translation.start == plenary.start, translation.locale
        page.goto(f"{live_server.url}{translation.url}")
        main = page.locator("main")
        times = main.locator("time").evaluate_all("els => els.map(e => e.dateTime)")
        assert plenary.start.isoformat() in times, (translation.locale, times)
        room_name = translation.room.name
        assert room_name in main.inner_text()
        assert re.search("Mod[ée]ra", main.inner_text()), translation.locale
        data = json.loads(page.locator("script[type='application/ld+json']").first.inner_text())
        events = data.get("@graph", [data])
        event = next(e for e in events if e.get("startDate"))
        assert datetime.datetime.fromisoformat(event["startDate"]) == plenary.start
        save_screenshot(page, f"one-programme-{translation.locale.language_code}")
        programme = translation.get_parent()
        page.goto(f"{live_server.url}{programme.url}")
        listing = page.locator("main").inner_text()
        assert translation.title in listing
        ics = page.request.get(f"{live_server.url}{programme.url}calendar.ics").text()
        assert f"{new_start:%Y%m%dT%H%M%S}" in ics
        pdf = page.request.get(f"{live_server.url}{programme.url}programme.pdf").body()
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        hour, minute = hhmm.split(":")
        assert re.search(rf"\b{int(hour)}\s*(h|:)\s*{minute}\b", text), (translation.locale, text)
    visitor.close()


def test_the_translation_editor_speaks_french(editor_page, live_server):
    """wagtail-localize's editor writes some words in English in its code: put in French."""
    page = editor_page
    english = SessionPage.objects.get(slug="morning-workshops", locale__language_code="en")
    # A translator's words that look like the editor's English dates stay as typed.
    from wagtail_localize.models import StringTranslation, Translation

    source = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=english.locale
    ).source
    segment = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale=english.locale,
        context_id=segment.context_id,
        defaults={"data": "Thursday 2 July 2026, in English"},
    )
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    # The editor (React) renders its header, then our script rewrites it.
    page.get_by_text("Traduction du français vers l’anglais").first.wait_for()
    html = page.locator(".js-translation-editor").inner_html()
    assert "More actions" not in html
    assert " to English translation" not in html
    assert "Traduction du français vers l’anglais" in html
    page.get_by_text("Thursday 2 July 2026, in English").first.wait_for()
    html = page.locator(".js-translation-editor").inner_html()
    assert "Thursday 2 juillet" not in html
    # Only the comments under the strings have their dates put in French.
    dates = re.findall(
        r"\d (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}",
        html.replace("Thursday 2 July 2026, in English", ""),
    )
    assert not dates
    save_screenshot(page, "translation-editor-fr")
