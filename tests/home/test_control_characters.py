"""Control characters are refused on the field, in French (issue 24, 6): in a page's form
(its text, its StreamField, its inline rows), a snippet's and the site settings'. Bidi
controls are words' business and are kept."""

import json

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from home.models import SiteSettings
from home.text import has_control_characters, printable
from sessions.factories import PersonFactory
from sessions.models import Person, SessionPage
from tests.admin_forms import add_page, field_errors, session_form

MESSAGE = "Ce texte contient un caractère de contrôle invisible"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Atelier\x0b\x1f", "Atelier"),
        ("nul\x00, DEL\x7f, C1\x85\x9f", "nul, DEL, C1"),
        ("seul \ud800 substitut", "seul  substitut"),
        ("pas un caractère XML \ufffe\uffff", "pas un caractère XML "),
        ("tab\tligne\nretour\r\n", "tab\tligne\nretour\r\n"),
        ("\u202edroite\u202c, ]]> <script> 🌍", "\u202edroite\u202c, ]]> <script> 🌍"),
    ],
)
def test_what_every_format_can_carry(text, kept):
    assert printable(text) == kept
    assert has_control_characters(text) is (kept != text)
    assert printable({"a": [text, 3, {"b": text}]}) == {"a": [kept, 3, {"b": kept}]}
    assert has_control_characters([{"value": {"text": text}}]) is (kept != text)


def test_a_session_refuses_them_on_each_field(admin_programme, admin_client):
    person = PersonFactory()
    data = session_form(person=person.pk)
    # Within the text: the form strips those Python counts as spaces (\x0b, \x1f, \x85) at
    # either end.
    data["title"] = "Atelier\x0b\x1f climat"
    data["summary"] = "Un\x85 résumé"
    data["speakers"]["0"]["function"] = "Maire\x07 de Dakar"
    data["body"] = streamfield([("heading", {"text": "Titre\x1b", "level": "h2"})])
    response = add_page(admin_client, admin_programme, SessionPage, data)
    assert response.status_code == 200
    errors = field_errors(response)
    for name in ("title", "summary", "speakers-0-function"):
        assert any(MESSAGE in message for message in errors[name]), name
    # The StreamField's errors go to its widget, which shows them above the blocks.
    soup = BeautifulSoup(response.content, "html.parser")
    body = soup.find(attrs={"data-w-block-arguments-value": True, "id": "body"})
    _value, error = json.loads(body["data-w-block-arguments-value"])
    assert any(MESSAGE in message for message in error["messages"])
    assert not SessionPage.objects.exists()


def test_a_session_keeps_bidi_controls_and_emoji(admin_programme, admin_client):
    data = session_form()
    data["title"] = "Atelier \u202eإدارة\u202c 🌍"
    response = add_page(admin_client, admin_programme, SessionPage, data)
    assert response.status_code == 302, field_errors(response)
    assert (
        SessionPage.objects.get(locale__language_code="fr").title == "Atelier \u202eإدارة\u202c 🌍"
    )


def test_a_snippet_refuses_them_on_the_field(admin_client):
    person = PersonFactory(last_name="Diop", bio="Adjointe.")
    url = reverse("wagtailsnippets_programme_person:edit", args=[person.pk])
    form = {
        "first_name": "Awa",
        "last_name": "Diop",
        "slug": "awa-diop",
        "bio": "Adjointe\x1f au maire.",
    }
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert any(MESSAGE in message for message in field_errors(response)["bio"])
    assert Person.objects.get(pk=person.pk).bio == "Adjointe."


def test_the_site_settings_refuse_them_on_the_field(admin_client, home):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    form = {"organisation_name": "Cités\x0b Unies France", "social_links": streamfield([])}
    response = admin_client.post(url, nested_form_data(form))
    assert response.status_code == 200
    assert any(MESSAGE in m for m in field_errors(response)["organisation_name"])
    assert SiteSettings.for_site(site).organisation_name == "Cités Unies France"


def test_a_translators_string_is_refused_in_the_editor_and_never_published(
    client, django_user_model, demo_translated, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    from home.translators import ensure_translator_groups

    ensure_translator_groups()  # their language's tree, as after `migrate` on the site
    user = django_user_model.objects.create_user("traductrice", "t@example.org", "x")
    user.groups.add(Group.objects.get(name="Traducteurs EN"))
    client.force_login(user)
    # A session translated into English (not an alias of the French).
    english = SessionPage.objects.filter(locale__language_code="en", alias_of__isnull=True).first()
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    source = TranslationSource.objects.get_for_instance(french)
    translation = Translation.objects.get(source=source, target_locale__language_code="en")
    segment = source.stringsegment_set.get(context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))

    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    response = client.put(  # what the editor's text box sends: a FormData
        url,
        encode_multipart(BOUNDARY, {"value": "Morning workshops\x0b\x1f"}),
        content_type=MULTIPART_CONTENT,
    )
    # Refused in French on the string in the editor, and not stored: the last good
    # translation stays…
    assert response.status_code == 200, response.content
    assert MESSAGE in response.json()["error"]
    stored = StringTranslation.objects.get(
        translation_of_id=segment.string_id, locale__language_code="en", context=segment.context
    )
    assert not has_control_characters(stored.data) and not stored.has_error
    # …and never published: the page keeps its last good title.
    before = english.title
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=(english.pk,)), {"action": "publish"})
    english.refresh_from_db()
    assert english.title == before
    assert not has_control_characters(english.title)
    # Retyped, the error goes and the words are published.
    response = client.put(
        url, "value=Morning+workshops", content_type="application/x-www-form-urlencoded"
    )
    assert response.json()["error"] is None
    # A PO file or a machine translation holding one is kept as an error, never published.
    stored.data = "Morning\x0b"
    stored.save()
    stored.refresh_from_db()
    assert stored.has_error and MESSAGE in stored.get_error()
    stored.data = "Morning workshops"
    stored.save()
    stored.refresh_from_db()
    assert not stored.has_error
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=(english.pk,)), {"action": "publish"})
    english.refresh_from_db()
    assert english.title == "Morning workshops"
