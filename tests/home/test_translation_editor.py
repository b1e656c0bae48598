"""Finding 10 of issue 25: the translation editor offered the slug as one more string « à
traduire »; now the translated title prefills it."""

import json

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.translators import ensure_translator_groups
from sessions.models import SessionPage


def test_the_translated_title_prefills_the_slug(client, django_user_model, demo_translated):
    ensure_translator_groups()
    user = django_user_model.objects.create_user("traductrice", "t@example.org", "x")
    user.groups.add(Group.objects.get(name="Traducteurs EN"))
    client.force_login(user)
    english_locale = Locale.objects.get(language_code="en")
    french = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    for page in french.get_translations():
        page.delete()
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=(french.pk,)),
        {"locales": [english_locale.pk]},
    )
    english = french.get_translation(english_locale)
    source = TranslationSource.objects.get_for_instance(french)
    translation = Translation.objects.get(source=source, target_locale=english_locale)
    slug = source.stringsegment_set.get(context__path="slug")
    StringTranslation.objects.filter(
        translation_of_id=slug.string_id, locale=english_locale, context=slug.context
    ).delete()
    title = source.stringsegment_set.get(context__path="title")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=(translation.pk, title.pk)),
        "value=Thematic+morning+workshops",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    prefilled = StringTranslation.objects.get(
        translation_of_id=slug.string_id, locale=english_locale, context=slug.context
    )
    assert prefilled.data == "thematic-morning-workshops"
    # Published, the English page answers at its English address.
    client.post(reverse("wagtailadmin_pages:edit", args=(english.pk,)), {"action": "publish"})
    english.refresh_from_db()
    assert english.slug == "thematic-morning-workshops"
    # A slug the translator typed is theirs: a new title does not replace it.
    prefilled.data = "ateliers-en"
    prefilled.save()
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=(translation.pk, title.pk)),
        "value=Morning+workshops",
        content_type="application/x-www-form-urlencoded",
    )
    prefilled.refresh_from_db()
    assert prefilled.data == "ateliers-en"


def editor_props(response):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content, "html.parser")
    return json.loads(soup.select_one(".js-translation-editor")["data-props"])


def test_plain_strings_read_and_are_typed_as_text(admin_client, demo_translated):
    """Finding 10: « &amp; » and a raw « <br/> » in the French sources of the editor."""
    english_locale = Locale.objects.get(language_code="en")
    french = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    french.title = "Villes & territoires"
    french.summary = "Première ligne\nSeconde ligne"
    french.save_revision().publish()
    english = french.get_translation(english_locale)
    source = TranslationSource.objects.get_for_instance(french)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale=english_locale)

    props = editor_props(admin_client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,))))
    sources = {segment["contentPath"]: segment for segment in props["segments"]}
    assert sources["title"]["source"] == "Villes & territoires"
    assert sources["summary"]["source"] == "Première ligne\nSeconde ligne"
    assert "&amp;" not in json.dumps(props["segments"])

    title = source.stringsegment_set.get(context__path="title")
    response = admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=(translation.pk, title.pk)),
        "value=Cities+%26+regions+%3C3",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    assert response.json()["data"] == "Cities & regions <3"
    stored = StringTranslation.objects.get(
        translation_of_id=title.string_id, locale=english_locale, context=title.context
    )
    assert stored.data == "Cities &amp; regions &lt;3"
    # Reopened, the editor shows what the translator typed.
    props = editor_props(admin_client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,))))
    typed = {t["segment_id"]: t["data"] for t in props["initialStringTranslations"]}
    assert typed[title.pk] == "Cities & regions <3"
    # Published, the page carries the text as typed.
    admin_client.post(reverse("wagtailadmin_pages:edit", args=(english.pk,)), {"action": "publish"})
    english.refresh_from_db()
    assert english.title == "Cities & regions <3"
