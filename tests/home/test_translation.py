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

from pypdf import PdfReader

from editions.models import Venue
from home.translation import (
    declaring_models,
    fact_fields,
    fact_relations,
    spread_page_facts,
)
from partners.models import PartnerTier
from sessions.models import Person, Room, SessionPage
from tests.home.translated import (
    LOCMEM,
    english_and_spanish,
    new_french_session,
    publish,
    soup,
    translations_of,
    with_a_speaker,
)

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
