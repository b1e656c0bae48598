"""People, rooms, venues, partners and tiers are moderated as pages are (issue 24, finding 8):
a Rédacteur's edit is a draft the public never sees, a Modérateur publishes it (at once, on
approval, or at a scheduled time), the facts reach the other languages on publication, and
a snippet created as a draft appears in no public output."""

import datetime
import json
import zoneinfo

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale, Revision, Workflow
from wagtail.search.backends import get_search_backend

import pytest
import time_machine
from bs4 import BeautifulSoup

from editions.models import Venue
from partners.factories import EditionPartnerFactory, PartnerFactory, PartnerTierFactory
from partners.models import Partner, PartnerTier
from sessions.factories import (
    PersonFactory,
    RoomFactory,
    SessionPageFactory,
    SessionSpeakerFactory,
    SpeakerIndexPageFactory,
)
from sessions.models import Person, Room, SessionPage

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
MODERATED = [Person, Room, Venue, Partner, PartnerTier]


@pytest.fixture
def people(db, django_user_model):
    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "redactrice": member("redactrice", "Rédacteurs"),
        "moderateur": member("moderateur", "Modérateurs"),
        "traductrice": member("traductrice", "Traducteurs EN"),
    }


def partner_form(partner, **changes):
    return {
        "name": partner.name,
        "logo": partner.logo_id or "",
        "url": partner.url,
        "description": partner.description,
        "go_live_at": "",
        "expire_at": "",
        **changes,
    }


def edit_url(obj):
    return reverse(
        f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:edit", args=[obj.pk]
    )


@pytest.fixture
def listed_partner(edition):
    partner = PartnerFactory(name="Cités Unies France", url="https://cites-unies-france.org/")
    EditionPartnerFactory(edition=edition, partner=partner, tier=PartnerTierFactory())
    return partner


def test_the_five_models_go_through_the_moderators_workflow(db):
    workflow = Workflow.objects.get(name="Relecture par un modérateur")
    moderators = Group.objects.get(name="Modérateurs")
    editors = Group.objects.get(name="Rédacteurs")
    for model in MODERATED:
        assert model().get_workflow() == workflow, model
        publish = f"publish_{model._meta.model_name}"
        assert moderators.permissions.filter(codename=publish).exists(), model
        assert not editors.permissions.filter(codename=publish).exists(), model


def test_a_redacteurs_edit_is_a_draft_until_a_moderator_approves_it(
    client, edition, listed_partner, people
):
    phishing = "https://cites-unies-france.example.net/connexion"
    client.force_login(people["redactrice"])
    # « Publier » is not theirs: nothing changes.
    response = client.post(
        edit_url(listed_partner),
        {**partner_form(listed_partner, url=phishing), "action-publish": "1"},
    )
    listed_partner.refresh_from_db()
    assert listed_partner.url == "https://cites-unies-france.org/"
    assert phishing not in client.get(edition.url).content.decode()
    # Saved as a draft and submitted: a revision, the live row untouched.
    response = client.post(
        edit_url(listed_partner),
        {**partner_form(listed_partner, url=phishing), "action-submit": "1"},
    )
    assert response.status_code == 302
    listed_partner.refresh_from_db()
    assert listed_partner.url == "https://cites-unies-france.org/"
    assert listed_partner.has_unpublished_changes
    assert listed_partner.get_latest_revision().content["url"] == phishing
    client.logout()
    page = client.get(edition.url).content.decode()
    assert phishing not in page and "https://cites-unies-france.org/" in page

    # The moderator approves it from the workflow: now it is public.
    state = listed_partner.current_workflow_state
    assert state is not None
    client.force_login(people["moderateur"])
    response = client.post(
        reverse(
            "wagtailsnippets_partners_partner:workflow_action",
            args=[listed_partner.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    listed_partner.refresh_from_db()
    assert listed_partner.url == phishing
    client.logout()
    assert phishing in client.get(edition.url).content.decode()


def test_history_and_compare_work_for_a_snippet(admin_client, listed_partner):
    listed_partner.save_revision()
    revision = listed_partner.save_revision()
    base = "wagtailsnippets_partners_partner"
    assert admin_client.get(reverse(f"{base}:history", args=[listed_partner.pk])).status_code == 200
    compare = reverse(
        f"{base}:revisions_compare", args=[listed_partner.pk, "earliest", revision.pk]
    )
    assert admin_client.get(compare).status_code == 200


def test_facts_reach_other_languages_on_publication_not_on_a_draft(client, people, db):
    english = Locale.objects.get(language_code="en")
    partner = PartnerFactory(name="PLATFORMA", url="https://platforma-dev.eu/")
    translated = partner.copy_for_translation(english)
    translated.name = "PLATFORMA (EN)"
    translated.save()
    client.force_login(people["redactrice"])
    response = client.post(
        edit_url(partner), {**partner_form(partner, url="https://evil.example/")}
    )
    assert response.status_code == 302
    translated.refresh_from_db()
    partner.refresh_from_db()
    assert translated.url == "https://platforma-dev.eu/"
    # The moderator publishes: the fact reaches English, its words stay English.
    partner.get_latest_revision().publish(user=people["moderateur"])
    translated.refresh_from_db()
    assert (translated.url, translated.name) == ("https://evil.example/", "PLATFORMA (EN)")


@pytest.fixture
def draft_speaker(edition, programme, people, client):
    """A live session naming a person and held in a room that a Rédacteur created as drafts
    (through the admin's own « Ajouter »)."""
    client.force_login(people["redactrice"])
    response = client.post(
        reverse("wagtailsnippets_programme_person:add"),
        {"first_name": "Zoé", "last_name": "Brouillon", "slug": "", "bio": "Inédite."},
    )
    assert response.status_code == 302
    client.logout()
    person = Person.objects.get(last_name="Brouillon")
    assert not person.live and person.latest_revision is not None
    room = RoomFactory(name="Salle Secrète", venue=edition.venue, live=False)
    session = SessionPageFactory(parent=programme, title="Atelier climat", room=room)
    SessionSpeakerFactory(session=session, person=person)
    SpeakerIndexPageFactory(parent=edition)
    get_search_backend().add(person)  # in the index: found, if the search asked for drafts
    return session, person, room


def public_texts(client, session):
    """What every public output of the session says, one text each."""
    programme = session.get_parent().url
    found = {}
    for url in (
        session.url,
        session.url + "calendar.ics",
        programme,
        programme + "calendar.ics",
        programme + "schedule.json",
        programme + "schedule.xml",
        "/fr/2025/intervenants/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = response.content.decode().replace("\r\n ", "")  # unfold ICS lines
    found["search"] = client.get("/fr/search/", {"q": "Brouillon"}).content.decode()
    found["speaker page"] = str(client.get("/fr/2025/intervenants/zoe-brouillon/").status_code)
    return found


def test_a_draft_person_or_room_appears_in_no_public_output(client, draft_speaker, people):
    session, person, room = draft_speaker
    for where, text in public_texts(client, session).items():
        assert "Zoé Brouillon" not in text and "Salle Secrète" not in text, where
    assert "Atelier climat" in client.get(session.url).content.decode()
    assert public_texts(client, session)["speaker page"] == "404"

    # Published by a moderator: everywhere.
    person.get_latest_revision().publish(user=people["moderateur"])
    room.save_revision().publish(user=people["moderateur"])
    get_search_backend().add(Person.objects.get(pk=person.pk))
    texts = public_texts(client, session)
    assert texts["speaker page"] == "200"
    for url in (session.url, session.url + "calendar.ics", "/fr/2025/intervenants/", "search"):
        assert "Zoé Brouillon" in texts[url], url
    assert "Salle Secrète" in texts[session.url + "calendar.ics"]
    schedule = json.loads(texts[session.get_parent().url + "schedule.json"])
    assert "Salle Secrète" in json.dumps(schedule, ensure_ascii=False)


def test_a_draft_partner_is_on_no_page(client, edition, partners_page_and_draft):
    draft = partners_page_and_draft
    for url in (edition.url, edition.url + "partenaires/"):
        response = client.get(url)
        assert response.status_code == 200
        assert draft.name not in response.content.decode(), url


@pytest.fixture
def partners_page_and_draft(edition):
    from partners.factories import PartnersPageFactory

    PartnersPageFactory(parent=edition, slug="partenaires")
    draft = PartnerFactory(name="Partenaire Fantôme", live=False)
    EditionPartnerFactory(edition=edition, partner=draft, tier=PartnerTierFactory())
    return draft


def test_a_snippet_publication_can_be_scheduled(client, edition, listed_partner, people):
    new = "https://cites-unies-france.org/2030/"
    with time_machine.travel(datetime.datetime(2030, 7, 1, 9, tzinfo=PARIS), tick=False):
        client.force_login(people["moderateur"])
        response = client.post(
            edit_url(listed_partner),
            {
                **partner_form(listed_partner, url=new, go_live_at="04/07/2030 10:00"),
                "action-publish": "1",
            },
        )
        assert response.status_code == 302
        listed_partner.refresh_from_db()
        assert listed_partner.url == "https://cites-unies-france.org/"
        assert Revision.objects.filter(
            object_id=str(listed_partner.pk), approved_go_live_at__isnull=False
        ).exists()
        call_command("publish_scheduled")
        listed_partner.refresh_from_db()
        assert listed_partner.url == "https://cites-unies-france.org/"
    client.logout()
    with time_machine.travel(datetime.datetime(2030, 7, 4, 10, 5, tzinfo=PARIS), tick=False):
        call_command("publish_scheduled")
    listed_partner.refresh_from_db()
    assert listed_partner.url == new
    assert new in client.get(edition.url).content.decode()


def test_a_translation_shows_once_it_and_its_french_are_live(client, demo_translated):
    english = Locale.objects.get(language_code="en")
    session = SessionPage.objects.filter(locale__language_code="fr", room__isnull=False).first()
    room = session.room
    Room.objects.filter(translation_key=room.translation_key, locale=english).delete()
    en_session = session.get_translation(english)
    # « Traduire » makes a draft: the English pages keep the French room.
    draft = room.copy_for_translation(english)
    draft.live = False
    draft.name = "The Secret Hall"
    draft.save()
    en_session.refresh_from_db()
    assert en_session.room_id == room.pk
    assert "The Secret Hall" not in client.get(en_session.url).content.decode()
    # Published by the translator: the English pages show it.
    draft.save_revision().publish()
    en_session.refresh_from_db()
    assert en_session.room_id == draft.pk
    assert "The Secret Hall" in client.get(en_session.url).content.decode()
    # The French unpublished: the English pages show neither (the French has the last word).
    room.unpublish()
    en_session.refresh_from_db()
    assert en_session.room_id == room.pk
    assert "The Secret Hall" not in client.get(en_session.url).content.decode()


def test_a_person_made_from_the_sessions_chooser_is_a_draft_for_a_redacteur(client, people):
    client.force_login(people["redactrice"])
    response = client.post(
        reverse("wagtailsnippetchoosers_programme_person:create"),
        {"first_name": "Jean", "last_name": "Choisi", "bio": ""},
    )
    assert response.status_code == 200
    person = Person.objects.get(last_name="Choisi")
    assert not person.live and person.latest_revision is not None
    client.force_login(people["moderateur"])
    client.post(
        reverse("wagtailsnippetchoosers_programme_person:create"),
        {"first_name": "Anne", "last_name": "Publiée", "bio": ""},
    )
    assert Person.objects.get(last_name="Publiée").live


def test_a_translator_publishes_their_language_but_never_unpublishes(client, people, db):
    english = Locale.objects.get(language_code="en")
    person = PersonFactory(first_name="Ada", last_name="Lovelace")
    translated = person.copy_for_translation(english)
    translated.save()
    client.force_login(people["traductrice"])
    for obj in (person, translated):
        response = client.post(reverse("wagtailsnippets_programme_person:unpublish", args=[obj.pk]))
        assert response.status_code in (302, 403)  # the admin's « permission refusée »
        obj.refresh_from_db()
        assert obj.live


def test_a_post_to_copy_never_saves_over_the_original(client, people, db):
    """Found by the permission matrix: Wagtail's copy view saved a POST over the original
    (its form's instance), so a Rédacteur replaced a live speaker and took it off the site.
    The copy's form goes to « Ajouter », which makes a new draft."""
    person = Person.objects.create(first_name="Michaël", last_name="Delafosse")
    client.force_login(people["redactrice"])
    copy = reverse("wagtailsnippets_programme_person:copy", args=(person.pk,))
    form = client.get(copy)
    assert form.status_code == 200
    action = BeautifulSoup(form.content, "html.parser").select_one("form[method=post]")["action"]
    assert action.split("?")[0] == reverse("wagtailsnippets_programme_person:add")
    refused = client.post(copy, {"first_name": "Faux", "last_name": "Nom"})
    assert refused.status_code == 405
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.live) == ("Michaël", "Delafosse", True)
    # Sent where the form says, it is a new draft beside the original.
    client.post(action, {"first_name": "Michaël", "last_name": "Delafosse (copie)"})
    copied = Person.objects.get(last_name="Delafosse (copie)")
    assert copied.pk != person.pk and not copied.live
