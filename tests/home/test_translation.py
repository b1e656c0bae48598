"""One programme in every language (home/translation/): facts have one source, snippet
words follow on their own, nothing disappears for lack of a translation, translators see
their work."""

import datetime
import decimal
import io
import json
import re

from django.db import models
from django.test import override_settings

from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from bs4 import BeautifulSoup
from pypdf import PdfReader

from editions.models import EditionPage, Venue
from home.translation import (
    CURRENT,
    OUTDATED,
    UNTRANSLATED,
    declaring_models,
    fact_fields,
    fact_relations,
    spread_page_facts,
    statuses,
)
from partners.models import PartnerTier
from sessions.models import Person, Room, SessionPage, SessionSpeaker

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def publish(page, user=None):
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    return page.__class__.objects.get(pk=page.pk)


def translations_of(obj):
    return {
        t.locale.language_code: t
        for t in type(obj)
        .objects.filter(translation_key=obj.translation_key)
        .select_related("locale")
    }


# --- the declaration, walked -------------------------------------------------------------


def other_value(field, obj, locale):
    """A valid value for `field` that differs from the one `obj` has."""
    current = getattr(obj, field.attname)
    if field.many_to_one:
        model = field.related_model
        candidates = model.objects.exclude(pk=current)
        if hasattr(model, "locale"):
            candidates = candidates.filter(locale=locale)
        if model is Room and obj.room_id:
            candidates = candidates.filter(venue=obj.room.venue)
        found = candidates.order_by("pk").first()
        if found is None:
            found = make_other(model, obj, locale)
        return found.pk
    if field.choices:
        return next(value for value, _label in field.choices if value != current)
    if isinstance(field, models.DateTimeField):
        return (current or obj.start) + datetime.timedelta(minutes=5)
    if isinstance(field, models.DecimalField):
        return decimal.Decimal("12.5") if current != decimal.Decimal("12.5") else decimal.Decimal(1)
    if isinstance(field, models.BooleanField):
        return not current
    if isinstance(field, models.PositiveSmallIntegerField | models.PositiveIntegerField):
        return (current or 0) + 1
    if isinstance(field, StreamField):
        return json.dumps(
            [
                {
                    "type": "video",
                    "value": {"video": "https://www.youtube.com/watch?v=x", "title": "Vidéo"},
                    "id": "v1",
                }
            ]
        )
    if isinstance(field, models.URLField):
        return "https://example.org/facts"
    if field.name == "hashtag":
        return "#Faits2025"
    if field.name == "interpretation_languages":
        return ["en", "es"] if list(current or []) != ["en", "es"] else ["ar"]
    if field.name == "accent_colour":
        # A colour the admin accepts (AA contrast on white), within the column's 7 characters.
        return "#1d4f91" if current != "#1d4f91" else "#a3122e"
    if isinstance(field, models.SlugField):
        return "fait-unique"
    # SQLite does not enforce a column's length, PostgreSQL does: a short field needs its
    # own valid value above.
    assert (field.max_length or 99) >= len("Fait unique"), f"no valid value for {field.name}"
    return "Fait unique"


def make_other(model, obj, locale):
    if model is Person:
        return Person.objects.create(first_name="Ada", last_name="Lovelace", locale=locale)
    if model is get_image_model():
        from wagtail.images.tests.utils import get_test_image_file

        return model.objects.create(title="autre", file=get_test_image_file())
    if model is PartnerTier:
        return PartnerTier.objects.create(name="Autre", order=9, locale=locale)
    if model is Venue:
        return Venue.objects.create(name="Autre lieu", city="Lyon", locale=locale)
    raise AssertionError(f"no other {model.__name__} to choose")


def french_with_translation(model):
    french = Locale.objects.get(language_code="fr")
    for obj in model.objects.filter(locale=french).order_by("pk"):
        others = model.objects.filter(translation_key=obj.translation_key).exclude(locale=french)
        if issubclass(model, Page):
            others = others.filter(alias_of__isnull=True)
        if others.exists():
            return obj.specific if issubclass(model, Page) else obj
    raise AssertionError(f"the demo has no translated {model.__name__}")


def same_fact(field, source, translation):
    mine, theirs = getattr(translation, field.attname), getattr(source, field.attname)
    if field.many_to_one and theirs is not None:
        model = field.related_model
        if hasattr(model, "translation_key"):
            key = model.objects.get(pk=theirs).translation_key
            return model.objects.get(pk=mine).translation_key == key
    if isinstance(field, StreamField):
        return [b.block_type for b in mine] == [b.block_type for b in theirs]
    return mine == theirs


def test_every_declared_fact_reaches_every_language(demo_translated):
    """Walks each model's declaration: a new fact field is covered without a new test."""
    walked = []
    for model in declaring_models():
        source = french_with_translation(model)
        for name in fact_fields(model):
            field = model._meta.get_field(name)
            value = other_value(field, source, source.locale)
            if isinstance(source, Page):
                # Written to the French row, then what the French publication runs (the
                # publication itself is walked in the tests below; here a value is only
                # valid with others, like pretix and its event).
                model.objects.filter(pk=source.pk).update(**{field.attname: value})
                source = model.objects.get(pk=source.pk)
                spread_page_facts(source)
            else:
                setattr(source, field.attname, value)
                source.save()
                source.refresh_from_db()
            for code, translation in translations_of(source).items():
                translation = translation.specific if isinstance(translation, Page) else translation
                assert same_fact(field, source, translation), (model.__name__, name, code)
            walked.append((model.__name__, name))
    assert ("SessionPage", "start") in walked and ("Person", "photo") in walked
    assert len(walked) >= 40


def row_facts(page, relation, facts):
    """The facts of a page's rows, in order; a snippet counts by its translation key."""

    def fact(row, name):
        value = getattr(row, name)
        return getattr(value, "translation_key", value)

    return [tuple(fact(row, name) for name in facts) for row in getattr(page, relation).all()]


def test_every_declared_row_fact_follows_the_source_order(demo_translated):
    checked = []
    for model in declaring_models():
        for relation, facts in fact_relations(model).items():
            source = french_with_translation(model)
            rows = list(getattr(source, relation).all())
            if len(rows) < 2:
                continue
            # Swap the first two rows and change the facts of the first.
            rows[0].sort_order, rows[1].sort_order = rows[1].sort_order, rows[0].sort_order
            setattr(source, relation, sorted(rows, key=lambda r: r.sort_order))
            source = publish(source)
            expected = row_facts(source, relation, facts)
            for code, translation in translations_of(source).items():
                got = row_facts(translation.specific, relation, facts)
                assert got == expected, (model.__name__, relation, code)
            checked.append(relation)
    # The demo has several partners per edition and lines per practical page.
    assert {"edition_partners", "transport_items"} <= set(checked)


# --- the French publication reaches every output -----------------------------------------


def english_and_spanish(path_fr):
    page = Page.objects.get(url_path__endswith=path_fr, locale__language_code="fr")
    return {t.locale.language_code: t.specific for t in page.get_translations(inclusive=True)}


def with_a_speaker(bio="Maire de Montpellier, présidente de Cités Unies France."):
    """The French plenary, published with a speaker (the demo has none)."""
    plenary = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    person = Person.objects.create(
        first_name="Ada", last_name="Lovelace", slug="ada-lovelace", bio=bio, locale=plenary.locale
    )
    plenary.speakers = [SessionSpeaker(person=person, role="speaker", locale=plenary.locale)]
    return publish(plenary)


@override_settings(CACHES=LOCMEM)
def test_a_french_change_shows_in_every_language_and_output(client, demo_translated):
    from django.core.cache import cache

    cache.clear()
    plenary = with_a_speaker()
    pages = {t.locale.language_code: t.specific for t in plenary.get_translations(inclusive=True)}
    assert set(pages) == {"fr", "en", "es"}
    # Every language is in the page cache first.
    for page in pages.values():
        client.get(page.url)
        programme = page.get_parent()
        client.get(programme.url)

    other_room = (
        Room.objects.filter(
            locale=plenary.locale, venue__translation_key=plenary.edition.venue.translation_key
        )
        .exclude(pk=plenary.room_id)
        .first()
    )
    plenary.start += datetime.timedelta(minutes=15)
    plenary.room = other_room
    rows = list(plenary.speakers.all())
    rows[0].role = "moderator"
    plenary.speakers = rows
    plenary = publish(plenary)
    local = plenary.edition.local(plenary.start)
    hhmm = local.strftime("%H:%M")
    for code, page in pages.items():
        page = page.__class__.objects.get(pk=page.pk)
        assert page.start == plenary.start, code
        assert page.room.translation_key == other_room.translation_key, code
        assert page.speakers.get().role == "moderator", code
        # The session page (a fresh view: the cache was dropped in every language).
        html = soup(client, page.url)
        times = [t["datetime"] for t in html.select("time[datetime]")]
        assert plenary.start.isoformat() in times, (code, times)
        assert (
            page.room.name
            in html.find("dt", string=re.compile("Room|Salle|Sala")).find_next("dd").get_text()
        ), code
        data = json.loads(html.find("script", type="application/ld+json").string)
        events = data.get("@graph", [data])
        event = next(e for e in events if e.get("startDate"))
        assert datetime.datetime.fromisoformat(event["startDate"]) == plenary.start, code
        # The programme, its ICS and its frab export.
        programme = page.get_parent().specific
        listing = soup(client, programme.url)
        assert plenary.start.isoformat() in [t["datetime"] for t in listing.select("time")], code
        ics = client.get(programme.url + "calendar.ics").content.decode()
        assert f"{local:%Y%m%dT%H%M%S}" in ics, code
        frab = client.get(programme.url + "schedule.json").json()
        starts = {
            e["start"]
            for day in frab["schedule"]["conference"]["days"]
            for events in day["rooms"].values()
            for e in events
            if e["url"].endswith(page.url)
        }
        assert starts == {hhmm}, code


def test_the_pdf_of_every_language_has_every_session(client, demo_translated):
    """Untranslated sessions are in the English and Spanish PDF too (in French words)."""
    new_french_session()
    counts = {}
    for code, programme in english_and_spanish("/2025/programme/").items():
        response = client.get(programme.url + "programme.pdf")
        assert response.status_code == 200
        text = " ".join(
            " ".join(page.extract_text().split())
            for page in PdfReader(io.BytesIO(response.content)).pages
        )
        sessions = list(SessionPage.objects.live().child_of(programme))
        for session in sessions:
            words = " ".join(session.title.split()[:3])
            assert words in text, (code, session.title)
        counts[code] = len(sessions)
    assert counts["fr"] == counts["en"] == counts["es"]


# --- nothing disappears ------------------------------------------------------------------


def new_french_session(title="Session ajoutée le jour même", slug="session-ajoutee"):
    french_programme = Page.objects.get(
        url_path__endswith="/2025/programme/", locale__language_code="fr"
    ).specific
    existing = SessionPage.objects.child_of(french_programme).order_by("start").first()
    session = SessionPage(
        title=title,
        slug=slug,
        session_type="workshop",
        start=existing.start,
        end=existing.end,
        summary="Des mots en français.",
    )
    french_programme.add_child(instance=session)
    return publish(session)


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

    from home.translator_dashboard import translation_work

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
