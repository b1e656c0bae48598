"""Helpers of the translation tests: a page as a visitor reads it, a publication, a
page's other languages."""

from wagtail.models import Page

from bs4 import BeautifulSoup

from sessions.models import Person, SessionPage, SessionSpeaker

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
