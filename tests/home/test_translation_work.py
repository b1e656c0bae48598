"""Translation (home/translation/): nothing disappears for lack of a translation, snippet
words follow on their own, translators see their work, a language overrides on purpose."""

import datetime
import io
import json
import re

from wagtail.models import Locale, Page

from editions.models import EditionPage
from home.translation import (
    CURRENT,
    OUTDATED,
    UNTRANSLATED,
    statuses,
)
from sessions.models import SessionPage
from tests.home.translated import (
    english_and_spanish,
    new_french_session,
    publish,
    soup,
    with_a_speaker,
)

# --- nothing disappears ------------------------------------------------------------------


def programme_counts(client):
    counts = {}
    for code, programme in english_and_spanish("/2025/programme/").items():
        html = soup(client, programme.url)
        counts[code] = len(html.select(".session-card"))
    return counts


def test_an_untranslated_session_is_in_every_programme_marked_french(client, demo_translated):
    before = programme_counts(client)
    assert before["fr"] == before["en"] == before["es"]
    session = new_french_session()
    after = programme_counts(client)
    assert after == {code: count + 1 for code, count in before.items()}

    english = session.get_translation(Locale.objects.get(language_code="en"))
    assert english.alias_of_id == session.pk and english.live
    html = soup(client, english.url)
    assert html.main["lang"] == "fr"
    assert "not been translated yet" in html.select_one(".untranslated-note").get_text()
    assert html.h1.get_text(strip=True) == "Session ajoutée le jour même"
    listing = soup(client, english.get_parent().url)
    title = next(a for a in listing.select(".session-card__title a") if "ajoutée" in a.get_text())
    assert title["lang"] == "fr"
    # ICS and the frab export of the English programme carry it too.
    programme_url = english.get_parent().url
    assert (
        "Session ajoutée le jour même"
        in client.get(programme_url + "calendar.ics").content.decode()
    )
    assert (
        "Session ajoutée le jour même"
        in client.get(programme_url + "schedule.xml").content.decode()
    )
    # Search in English finds it (the index is updated on commit: rebuilt here).
    from django.core.management import call_command

    call_command("update_index", stdout=io.StringIO())
    found = soup(client, "/en/search/?q=ajoutée")
    assert "Session ajoutée le jour même" in found.get_text()


def test_an_untranslated_edition_exists_in_every_language(client, demo_translated):
    french_home = Page.objects.get(depth=2, locale__language_code="fr")
    first = EditionPage.objects.child_of(french_home).order_by("start").first()
    edition = EditionPage(
        title="Rencontres 2031",
        slug="2031",
        number=22,
        year=2031,
        start=first.start.replace(year=2031),
        end=first.end.replace(year=2031),
        venue=first.venue,
    )
    french_home.add_child(instance=edition)
    publish(edition)
    for code in ("en", "es"):
        response = client.get(f"/{code}/2031/")
        assert response.status_code == 200, code
        assert "Rencontres 2031" in soup(client, f"/{code}/").get_text(), code


# --- snippet words follow ----------------------------------------------------------------


def test_a_room_translation_shows_everywhere_without_resynchronising(client, demo_translated):
    english = Locale.objects.get(language_code="en")
    session = SessionPage.objects.filter(locale__language_code="fr", room__isnull=False).first()
    room = session.room
    en_room = room.get_translation_or_none(english)
    if en_room is not None:
        en_room.delete()
    en_session = session.get_translation(english)
    html = soup(client, en_session.url)
    room_dd = html.find("dt", string="Room").find_next_sibling("dd")
    assert room.name in room_dd.get_text() and room_dd["lang"] == "fr"

    translated = room.copy_for_translation(english)
    translated.name = "The Great Hall"
    translated.save()
    html = soup(client, en_session.url)
    room_dd = html.find("dt", string="Room").find_next_sibling("dd")
    assert "The Great Hall" in room_dd.get_text()
    assert not room_dd.has_attr("lang")
    assert "The Great Hall" in soup(client, en_session.get_parent().url).get_text()


def test_a_translated_bio_shows_without_resynchronising(client, demo_translated):
    english = Locale.objects.get(language_code="en")
    plenary = with_a_speaker()
    person = plenary.speakers.first().person
    index = Page.objects.get(url_path__endswith="/2025/speakers/", locale=english)
    url = f"{index.url}{person.slug}/"
    # Not translated yet: the French bio, marked as such, on the English page.
    bio = soup(client, url).select_one(".lead")
    assert "Maire de Montpellier" in bio.get_text() and bio["lang"] == "fr"
    en_person = person.copy_for_translation(english)
    en_person.bio = "Mayor of Montpellier, president of Cités Unies France."
    en_person.save()
    bio = soup(client, url).select_one(".lead")
    assert "Mayor of Montpellier" in bio.get_text() and not bio.has_attr("lang")
    # The English session page lists the same person (the English copy).
    en_session = plenary.get_translation(english).specific
    assert en_session.speakers.get().person_id == en_person.pk


# --- translators see their work ----------------------------------------------------------


def test_statuses_tell_untranslated_outdated_and_current_apart(client, demo_translated):
    english = Locale.objects.get(language_code="en")
    session = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    assert statuses(Page, [session.translation_key], english)[session.translation_key] == CURRENT
    # A change of facts only: still current.
    session.start += datetime.timedelta(minutes=5)
    session = publish(session)
    assert statuses(Page, [session.translation_key], english)[session.translation_key] == CURRENT
    # The French words change: to update, as soon as the French is published.
    session.summary = "Un tout nouveau résumé."
    session = publish(session)
    assert statuses(Page, [session.translation_key], english)[session.translation_key] == OUTDATED
    # The new words are in the translation editor at once: wagtail-localize's own report
    # says « waiting for translations » with nobody pressing « Synchroniser ».
    from django.utils.translation import override as language

    from wagtail_localize.models import Translation

    record = Translation.objects.get(
        source__object_id=session.translation_key, target_locale=english
    )
    with language("en"):
        assert str(record.get_status_display()) == "Waiting for translations"
    added = new_french_session()
    assert statuses(Page, [added.translation_key], english)[added.translation_key] == UNTRANSLATED
    # The translator publishes: current again.
    en_session = session.get_translation(english)
    en_session.summary = "A brand new summary."
    publish(en_session)
    assert statuses(Page, [session.translation_key], english)[session.translation_key] == CURRENT


def test_a_stale_translation_draft_cannot_bring_back_old_facts(demo_translated):
    english = Locale.objects.get(language_code="en")
    session = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    en_session = session.get_translation(english).specific
    stale = en_session.save_revision()  # a draft made before the French moved
    session.start += datetime.timedelta(minutes=30)
    session = publish(session)
    stale.publish()
    en_session.refresh_from_db()
    assert en_session.start == session.start


def test_the_translator_dashboard_lists_their_work(client, demo_translated, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username="translator-en", password="x" * 16)
    user.groups.add(Group.objects.get(name="Traducteurs EN"))
    session = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    session.summary = "Un tout nouveau résumé."
    publish(session)
    added = new_french_session()
    client.force_login(user)
    html = soup(client, "/admin/")
    panel = html.select_one("#translation-work") or html.find(id=re.compile("translation-work"))
    assert panel is not None
    text = " ".join(panel.get_text().split())
    assert "à mettre à jour" in text.lower() or "À mettre à jour" in text
    rows = {a.get_text(strip=True): a["href"] for a in html.select(".translation-work a")}
    assert (
        rows[added.title].endswith(f"/translate/page/{added.pk}/") or "submit" in rows[added.title]
    )
    en_session = session.get_translation(Locale.objects.get(language_code="en"))
    assert rows[session.title if session.title in rows else en_session.title]
    # Every link opens for the translator.
    for href in rows.values():
        assert client.get(href).status_code == 200, href


def english_translator(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username="translator-en", password="x" * 16)
    user.groups.add(Group.objects.get(name="Traducteurs EN"))
    return user


def strings_left_shown(client):
    """{row title: the « Chaînes à traduire » cell} of the translator's dashboard."""
    html = soup(client, "/admin/")
    return {
        row.select_one("a").get_text(strip=True): row.select_one(
            ".translation-work__left"
        ).get_text(strip=True)
        for row in html.select(".translation-work tbody tr")
    }


def test_the_translator_dashboard_counts_the_strings_left(
    client, demo_translated, django_user_model
):
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    english = Locale.objects.get(language_code="en")
    client.force_login(english_translator(django_user_model))
    added = new_french_session()
    # Not sent to translation yet: nothing to count.
    assert strings_left_shown(client)[added.title] == "—"
    source, _created = TranslationSource.get_or_create_from_instance(added)
    translation = Translation.objects.create(source=source, target_locale=english)
    segments = list(StringSegment.objects.filter(source=source).select_related("string"))
    assert len(segments) >= 2
    assert strings_left_shown(client)[added.title] == str(len(segments))
    # One string translated: one fewer; one in error still counts.
    first, second = segments[:2]
    StringTranslation.objects.create(
        translation_of=first.string, context=first.context, locale=english, data="Words"
    )
    StringTranslation.objects.create(
        translation_of=second.string,
        context=second.context,
        locale=english,
        data="Broken",
        has_error=True,
    )
    assert strings_left_shown(client)[added.title] == str(len(segments) - 1)
    total, done = translation.get_progress()
    assert total - done == len(segments) - 1
    # A French page whose words changed: only the new words are left.
    session = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    session.summary = "Un tout nouveau résumé."
    session = publish(session)
    shown = strings_left_shown(client)
    assert shown[session.title] == "1", shown


def test_the_translator_dashboard_queries_do_not_grow_with_its_rows(
    demo_translated, django_user_model
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail_localize.models import TranslationSource

    from home.admin.translator_dashboard import translation_work

    user = english_translator(django_user_model)

    def measured():
        with CaptureQueriesContext(connection) as queries:
            work = translation_work(user)
        return len(queries), sum(len(language["rows"]) for language in work)

    new_french_session("Une première session ajoutée", "premiere-ajoutee")
    measured()  # the per-process caches (locales, content types) filled
    before, rows_before = measured()
    for n in range(8):
        added = new_french_session(f"Session ajoutée numéro {n}", f"ajoutee-{n}")
        if n % 2:
            TranslationSource.get_or_create_from_instance(added)
    after, rows_after = measured()
    assert rows_after == rows_before + 8
    assert after == before, (before, after)


def test_a_language_may_override_the_registration_link_on_purpose(demo_translated):
    from wagtail_localize.models import SegmentOverride, TranslationContext, TranslationSource

    english, spanish = (Locale.objects.get(language_code=code) for code in ("en", "es"))
    session = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    session.registration_url = "https://example.org/inscription"
    session = publish(session)
    source, _created = TranslationSource.get_or_create_from_instance(session)
    source.update_from_db()
    context = TranslationContext.objects.get(
        object_id=session.translation_key, path="registration_url"
    )
    SegmentOverride.objects.create(
        locale=english, context=context, data_json=json.dumps("https://example.org/register")
    )
    session.registration_url = "https://example.org/inscription-2"
    session.start += datetime.timedelta(minutes=5)
    session = publish(session)
    en_session = session.get_translation(english).specific
    es_session = session.get_translation(spanish).specific
    assert en_session.registration_url == "https://example.org/register"
    assert en_session.start == session.start
    assert es_session.registration_url == "https://example.org/inscription-2"
