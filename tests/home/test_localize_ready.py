"""wagtail-localize is configured from the start: the demo's French pages and snippets can be
sent for translation into English, and the (untranslated) English copies render."""

from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

import pytest

from editions.models import EditionPage
from sessions.models import Person, SessionPage


@pytest.mark.django_db
def test_edition_tree_and_snippets_can_be_translated(demo, client):
    english = Locale.objects.get(language_code="en")
    person = Person.objects.get(last_name="Delafosse")
    source, _ = TranslationSource.get_or_create_from_instance(person)
    source.create_or_update_translation(english, fallback=True)
    assert Person.objects.filter(locale=english, translation_key=person.translation_key).exists()

    home = Page.objects.get(depth=2, locale__language_code="fr").specific
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    for page in (home, edition, edition.get_children().get(slug="programme").specific, session):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        translated, _created = source.create_or_update_translation(english, fallback=True)
        translated.save_revision().publish()

    english_session = session.get_translation(english)
    assert english_session.start == session.start  # times follow the source
    response = client.get("/en/2025/programme/ateliers-matin/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
