"""A session page says when, where, in which language, with whom, and after the event what remains."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

import pytest
from bs4 import BeautifulSoup

from partners.factories import PartnerFactory
from sessions.factories import (
    PersonFactory,
    RoomFactory,
    SessionPageFactory,
    SessionSpeakerFactory,
)
from sessions.models import SessionPartner


@pytest.fixture
def session(programme, edition):
    report = get_document_model().objects.create(
        title="Synthèse de l'atelier", file=SimpleUploadedFile("synthese.pdf", b"%PDF-1.4 synthese")
    )
    session = SessionPageFactory(
        parent=programme,
        title="Réunion Afrique de l'Ouest",
        session_type="regional",
        region="Afrique de l'Ouest",
        language="fr",
        interpretation_languages=["en", "pt"],
        room=RoomFactory(name="Étoile 2", venue=edition.venue, description="Rez-de-chaussée"),
        summary="Les partenariats entre collectivités françaises et ouest-africaines.",
        registration_url="https://inscriptions.example.org/afrique",
        resources=[
            ("report", {"title": "Compte rendu", "text": "<p>Trois coopérations présentées.</p>"}),
            ("document", {"document": report, "title": ""}),
        ],
    )
    SessionSpeakerFactory(
        session=session,
        person=PersonFactory(first_name="Awa", last_name="Diop"),
        role="moderator",
        function="Maire de Thiès",
        sort_order=0,
    )
    SessionSpeakerFactory(
        session=session,
        person=PersonFactory(first_name="Jean", last_name="Martin"),
        role="rapporteur",
        function="Vice-président de région",
        sort_order=1,
    )
    SessionPartner.objects.create(
        session=session, partner=PartnerFactory(name="AFD"), locale=session.locale
    )
    return session


def test_session_page(client, session):
    soup = BeautifulSoup(client.get(session.url).content, "html.parser")
    text = " ".join(soup.select_one("main").get_text(" ").split())
    assert soup.h1.get_text(strip=True) == "Réunion Afrique de l'Ouest"
    assert "Réunion régionale" in text
    assert "vendredi 4 juillet 2025" in text
    assert "9 h 30 – 11 h 00" in text.replace("\u00a0", " ")
    assert "(Europe/Paris, UTC+02:00)" in text
    assert "Étoile 2 — Rez-de-chaussée" in text
    assert "Afrique de l'Ouest" in text
    assert "français — interprétation simultanée vers anglais, portugais" in text
    speakers = [p.get_text(" ", strip=True) for p in soup.select(".person-card__role")]
    assert speakers == [
        "Modérateur·rice — Maire de Thiès",
        "Rapporteur·e — Vice-président de région",
    ]
    assert soup.select_one(".logo-list img[alt=AFD]") is not None
    register = soup.find("a", string="S’inscrire à cette séance")
    assert register["href"] == "https://inscriptions.example.org/afrique"
    resources = soup.select_one("section[aria-labelledby=resources-heading]")
    assert "Trois coopérations présentées." in resources.get_text()
    assert resources.find("a", string="Synthèse de l'atelier")["href"].endswith("synthese.pdf")


def test_cancelled_session_hides_its_registration_link(client, session):
    session.status = "cancelled"
    session.save_revision().publish()
    soup = BeautifulSoup(client.get(session.url).content, "html.parser")
    assert "Cette séance est annulée." in soup.get_text()
    assert soup.find("a", string="S’inscrire à cette séance") is None
