"""« Actes »: after the event, each session's report, documents, video and photos, gathered."""

import time_machine
import wagtail_factories
from bs4 import BeautifulSoup

from editions.factories import ProceedingsPageFactory
from sessions.factories import SessionPageFactory


def test_proceedings_gather_the_sessions_resources(programme, edition, client):
    photo = wagtail_factories.ImageFactory(title="Plénière")
    SessionPageFactory(
        parent=programme,
        title="Conférence plénière",
        session_type="plenary",
        resources=[
            ("report", {"title": "Compte rendu", "text": "<p>La diplomatie des territoires.</p>"}),
            (
                "photos",
                {
                    "title": "En images",
                    "images": [
                        {"image": photo, "alt_text": "La tribune de la plénière", "caption": ""}
                    ],
                },
            ),
        ],
    )
    SessionPageFactory(
        parent=programme, title="Pause", session_type="break", at=(11, 0), minutes=30
    )
    proceedings = ProceedingsPageFactory(
        parent=edition, introduction="Les actes des Rencontres 2025."
    )

    soup = BeautifulSoup(client.get(proceedings.url).content, "html.parser")
    sections = soup.select(".proceedings-session")
    assert [s.h2.get_text(strip=True) for s in sections] == ["Conférence plénière"]
    assert "La diplomatie des territoires." in sections[0].get_text()
    assert sections[0].find("img", alt="La tribune de la plénière") is not None
    assert "vendredi 4 juillet 2025" in sections[0].get_text()

    with time_machine.travel("2025-07-05 10:00 +02:00", tick=False):
        after = BeautifulSoup(client.get(edition.url).content, "html.parser")
    assert after.find("a", string="Actes")["href"] == proceedings.url
    with time_machine.travel("2025-06-01 10:00 +02:00", tick=False):
        before = BeautifulSoup(client.get(edition.url).content, "html.parser")
    assert before.find("a", string="Actes") is None


def test_empty_proceedings_say_when_they_come(edition, client):
    proceedings = ProceedingsPageFactory(parent=edition)
    text = client.get(proceedings.url).content.decode()
    assert "Les actes de cette édition seront publiés après l'événement." in text


def test_a_restricted_session_s_report_is_not_in_the_proceedings(programme, edition, client):
    """Issue 24, 4: the proceedings list only what the public may see (home/visibility.py)."""
    from wagtail.models import PageViewRestriction

    report = ("report", {"title": "Compte rendu", "text": "<p>Huis clos.</p>"})
    closed = SessionPageFactory(parent=programme, title="Séance à huis clos", resources=[report])
    SessionPageFactory(parent=programme, title="Plénière ouverte", at=(11, 0), resources=[report])
    proceedings = ProceedingsPageFactory(parent=edition)
    assert "Séance à huis clos" in client.get(proceedings.url).content.decode()
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.PASSWORD, password="rencontres"
    )
    page = client.get(proceedings.url).content.decode()
    assert "Séance à huis clos" not in page
    assert "Plénière ouverte" in page
