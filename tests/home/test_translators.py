"""Translators work in their own language only, online or with PO files, and editors'
changes reach the translations while the non-word fields follow the source."""

import datetime

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.translation import override as translation_override

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

import polib
import pytest
from bs4 import BeautifulSoup

from sessions.models import Person, Room, SessionPage


@pytest.fixture
def translator(client, django_user_model, demo_translated):
    user = django_user_model.objects.create_user("traductrice", "t@example.org", "mot de passe")
    user.groups.add(Group.objects.get(name="Traducteurs EN"))
    client.force_login(user)
    return client


def in_language(model, code, **lookup):
    return model.objects.get(locale__language_code=code, **lookup)


def session(code):
    french = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    return (
        french if code == "fr" else french.get_translation(Locale.objects.get(language_code=code))
    )


def page_edit(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def snippet_edit(obj):
    meta = obj._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=(obj.pk,))


def test_translator_groups_exist_for_each_translated_language(db):
    assert set(
        Group.objects.filter(name__startswith="Traducteurs").values_list("name", flat=True)
    ) == {
        "Traducteurs EN",
        "Traducteurs ES",
    }


def test_translator_opens_the_translation_editor_of_their_language(translator):
    response = translator.get(page_edit(session("en")))
    assert response.status_code == 200
    # wagtail-localize's translation editor, not Wagtail's page form.
    assert 'class="js-translation-editor"' in response.content.decode()
    room = Room.objects.get(name="Partners’ Area")
    assert translator.get(snippet_edit(room)).status_code == 200


@pytest.mark.parametrize("code", ["fr", "es"])
def test_translator_cannot_edit_the_source_or_another_language_page(translator, code):
    response = translator.get(page_edit(session(code)))
    assert response.status_code == 302  # Wagtail's refusal: back to the dashboard
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("code", ["fr", "es"])
def test_translator_cannot_edit_the_source_or_another_language_snippet(translator, code):
    person = in_language(Person, code, last_name="Delafosse")
    for response in (
        translator.get(snippet_edit(person)),
        translator.post(
            snippet_edit(person), {"first_name": "X", "last_name": "Y", "slug": "x", "bio": ""}
        ),
    ):
        # Wagtail turns the refusal into a return to the dashboard with a message.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    person.refresh_from_db()
    assert person.first_name == "Michaël"


def translation_of(obj, code):
    source = TranslationSource.objects.get_for_instance(obj)
    return Translation.objects.get(source=source, target_locale__language_code=code)


def test_translator_cannot_use_the_po_endpoints_of_another_language(translator):
    spanish = translation_of(
        SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr"), "es"
    )
    url = reverse("wagtail_localize:download_pofile", args=(spanish.pk,))
    assert translator.get(url).status_code == 403


def round_trip(client, translation, replacements, django_capture_on_commit_callbacks):
    """Download the PO file, translate it offline with polib, upload it, publish."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,)))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    changed = 0
    for entry in po:
        if entry.msgid in replacements:
            entry.msgstr = replacements[entry.msgid]
            changed += 1
    assert changed == len(replacements)
    upload = SimpleUploadedFile("translation.po", str(po).encode(), "text/x-gettext-translation")
    next_url = page_or_snippet_edit(translation)
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=(translation.pk,)),
        {"file": upload, "next": next_url},
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(next_url, {"action": "publish"})
    assert response.status_code == 302


def page_or_snippet_edit(translation):
    target = translation.get_target_instance()
    return page_edit(target) if hasattr(target, "path") else snippet_edit(target)


def test_po_round_trip_for_a_page(translator, client, django_capture_on_commit_callbacks):
    french = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    round_trip(
        translator,
        translation_of(french, "en"),
        {"Ateliers": "Morning workshops"},
        django_capture_on_commit_callbacks,
    )
    soup = BeautifulSoup(client.get("/en/2025/programme/morning-workshops/").content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Morning workshops"
    english = session("en")
    assert (english.start, english.end) == (french.start, french.end)


def test_po_round_trip_for_a_snippet(translator, client, django_capture_on_commit_callbacks):
    room = Room.objects.get(name="Espace des Partenaires")
    round_trip(
        translator,
        translation_of(room, "en"),
        {"Espace des Partenaires": "Partners’ Area (ground floor)"},
        django_capture_on_commit_callbacks,
    )
    assert (
        Room.objects.get(locale__language_code="en", translation_key=room.translation_key).name
        == "Partners’ Area (ground floor)"
    )
    text = client.get("/en/2025/programme/coffee-break/").content.decode()
    assert "Partners’ Area (ground floor)" in text


def test_synchronising_the_translations_never_publishes_them(
    admin_client, demo_translated, django_capture_on_commit_callbacks
):
    french = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    before = {code: session(code) for code in ("en", "es")}
    # The editor moves the workshop by half an hour, gives it a room and a new title.
    french.start += datetime.timedelta(minutes=30)
    french.end += datetime.timedelta(minutes=30)
    french.room = Room.objects.get(name="Espace des Partenaires")
    french.title = "Ateliers thématiques"
    french.save_revision().publish()

    source = TranslationSource.objects.get_for_instance(french)
    url = reverse("wagtail_localize:update_translations", args=(source.pk,))
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Publier immédiatement" not in page.content.decode()
    # « Publier immédiatement », posted anyway, is ignored: the new French title would
    # otherwise go live under /en/ and /es/ before anyone translated it.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    for code, old in before.items():
        live = session(code)
        assert live.live_revision_id == old.live_revision_id
        # The words wait for the translator; the facts came with the French publication.
        assert (live.title, live.start) == (old.title, french.start)
    # The translations now wait for their translators (who publish them, facts and all:
    # test_translator_translates_in_the_online_editor_after_an_editor_change).
    with translation_override("en"):
        assert str(translation_of(french, "en").get_status_display()) == "Waiting for translations"


def settings_in_subprocess(module, env):
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    environment = {k: v for k, v in os.environ.items() if k != "DEEPL_API_KEY"}
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    out = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_deepl_with_a_key_in_the_environment_dummy_otherwise():
    with_key = settings_in_subprocess("cms.settings.dev", {"DEEPL_API_KEY": "abc:fx"})
    assert with_key["CLASS"] == "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert with_key["OPTIONS"] == {"AUTH_KEY": "abc:fx"}
    without = settings_in_subprocess("cms.settings.dev", {})
    assert without["CLASS"] == "wagtail_localize.machine_translators.dummy.DummyTranslator"


def test_machine_translation_fills_the_missing_strings(
    translator, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    french = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    french.title = "Ateliers du matin"
    french.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(french)
    source.update_from_db()
    translation = translation_of(french, "en")
    response = translator.post(
        reverse("wagtail_localize:machine_translate", args=(translation.pk,))
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        translator.post(page_edit(session("en")), {"action": "publish"})
    assert session("en").title == "matin du Ateliers"  # the dummy translator reverses the words


def test_translator_translates_in_the_online_editor_after_an_editor_change(
    translator, client, django_user_model, django_capture_on_commit_callbacks
):
    french = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    # The editor retitles the French session and moves it.
    french.title = "Ateliers thématiques du matin"
    french.start += datetime.timedelta(minutes=15)
    french.save_revision().publish()

    # Synchronising touches every language: the translator may not…
    source = TranslationSource.objects.get_for_instance(french)
    sync = reverse("wagtail_localize:update_translations", args=(source.pk,))
    refused = translator.post(sync, {})
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    # …an editor does, for every language (as drafts)…
    editor = Client()
    redactrice = django_user_model.objects.create_user("redactrice", "r@example.org", "x")
    redactrice.groups.add(Group.objects.get(name="Rédacteurs"))
    editor.force_login(redactrice)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(sync, {"publish_translations": "on"})
    assert response.status_code == 302
    # …which now shows as waiting for a translation of the new title…
    translation = translation_of(french, "en")
    with translation_override("en"):
        assert str(translation.get_status_display()) == "Waiting for translations"
    # …translates the new title in wagtail-localize's editor, and publishes.
    segment = source.stringsegment_set.get(string__data="Ateliers thématiques du matin")
    response = translator.put(  # what the editor's text box sends
        reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk)),
        "value=Thematic+morning+workshops",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        translator.post(page_edit(session("en")), {"action": "publish"})

    with translation_override("en"):
        assert str(translation.get_status_display()) == "Up to date"
    english = session("en")
    assert english.title == "Thematic morning workshops"
    assert english.start == french.start  # followed the source, untouched by the translator
    soup = BeautifulSoup(client.get(english.url).content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Thematic morning workshops"


def test_translator_groups_are_set_up_by_a_data_migration(db):
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    Group.objects.filter(name__startswith="Traducteurs ").delete()
    migration = importlib.import_module("home.migrations.0003_translator_groups")
    migration.forwards(apps, None)
    for code in ("EN", "ES"):
        group = Group.objects.get(name=f"Traducteurs {code}")
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert codenames == {
            "access_admin",
            "submit_translation",
            "change_person",
            "change_room",
            "change_venue",
            "change_partner",
            "change_partnertier",
        }
    assert not Group.objects.filter(name="Traducteurs FR").exists()
    migration.backwards(apps, None)
    assert not Group.objects.filter(name__startswith="Traducteurs ").exists()


def test_a_translator_edits_and_publishes_their_language_and_nothing_more(translator):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="traductrice")
    english = session("en")
    allowed = english.permissions_for_user(user)
    assert allowed.can_edit() and allowed.can_publish()
    for name in (
        "can_delete",
        "can_move",
        "can_copy",
        "can_unpublish",
        "can_set_view_restrictions",
        "can_unschedule",
        "can_add_subpage",
        "can_reorder_children",
        "can_schedule",
    ):
        assert not getattr(allowed, name)(), name
    for code in ("fr", "es"):
        other = session(code).permissions_for_user(user)
        assert not other.can_edit() and not other.can_publish(), code
    # The admin offers none of it: the listing's and the page's menus.
    listing = translator.get(reverse("wagtailadmin_explore", args=(english.get_parent().pk,)))
    html = listing.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=(english.pk,)) in html
    for action in ("delete", "move", "copy", "unpublish"):
        assert reverse(f"wagtailadmin_pages:{action}", args=(english.pk,)) not in html, action
    editor = translator.get(page_edit(english)).content.decode()
    assert "localize-convert-to-alias" not in editor
    # Translating a French page: their own language is the only one offered.
    french = SessionPage.objects.filter(locale__language_code="fr").exclude(slug="ateliers-matin")
    page = french.first()
    for translated in page.get_translations():
        translated.delete()
    form = BeautifulSoup(
        translator.get(
            reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
        ).content,
        "html.parser",
    )
    offered = {box["value"] for box in form.select('input[name="locales"]')}
    assert offered == {str(Locale.objects.get(language_code="en").pk)}
    # …and already ticked (issue 25, finding 10).
    assert all(box.has_attr("checked") for box in form.select('input[name="locales"]'))
    spanish = Locale.objects.get(language_code="es")
    response = translator.post(
        reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
        {"locales": [spanish.pk]},
    )
    assert response.status_code == 200  # the form again: Spanish is not a choice
    assert not page.get_translations().exists()
    # Their own language: a draft, never the French text live under /en/.
    response = translator.post(
        reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
        {"locales": [Locale.objects.get(language_code="en").pk]},
    )
    assert response.status_code == 302
    created = page.get_translation(Locale.objects.get(language_code="en"))
    assert not created.live
