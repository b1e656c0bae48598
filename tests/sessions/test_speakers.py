"""The speakers of an edition, a page per speaker, and their other editions."""

import pytest
from bs4 import BeautifulSoup

from editions.factories import EditionPageFactory
from sessions.factories import (
    PersonFactory,
    ProgrammePageFactory,
    SessionPageFactory,
    SessionSpeakerFactory,
    SpeakerIndexPageFactory,
)


@pytest.fixture
def two_editions(home, venue):
    ada = PersonFactory(
        first_name="Ada", last_name="Lovelace", slug="ada-lovelace", bio="Mathématicienne."
    )
    grace = PersonFactory(first_name="Grace", last_name="Hopper", slug="grace-hopper")
    older = EditionPageFactory(parent=home, year=2024, venue=venue)
    newer = EditionPageFactory(parent=home, year=2025, venue=venue)
    old_session = SessionPageFactory(
        parent=ProgrammePageFactory(parent=older), title="Plénière 2024", session_type="plenary"
    )
    programme = ProgrammePageFactory(parent=newer)
    workshop = SessionPageFactory(parent=programme, title="Atelier climat", at=(9, 30))
    plenary = SessionPageFactory(
        parent=programme, title="Conférence plénière", session_type="plenary", at=(11, 30)
    )
    SessionSpeakerFactory(session=old_session, person=ada)
    SessionSpeakerFactory(session=workshop, person=ada, role="moderator", function="Maire de Dijon")
    SessionSpeakerFactory(session=plenary, person=grace, role="keynote", function="Amirale")
    return {
        "ada": ada,
        "older_index": SpeakerIndexPageFactory(parent=older),
        "index": SpeakerIndexPageFactory(parent=newer),
    }


def test_index_lists_this_editions_speakers_by_name(client, two_editions):
    soup = BeautifulSoup(client.get(two_editions["index"].url).content, "html.parser")
    names = [p.get_text(strip=True) for p in soup.select(".person-card__name")]
    assert names == ["Grace Hopper", "Ada Lovelace"]
    link = soup.select_one(".person-card__name a")
    assert link["href"] == "/fr/2025/intervenants/grace-hopper/"


def test_speaker_page_shows_sessions_roles_and_other_editions(client, two_editions):
    response = client.get("/fr/2025/intervenants/ada-lovelace/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Ada Lovelace"
    text = " ".join(soup.get_text(" ").split())
    assert "Mathématicienne." in text
    assert "Atelier climat" in text
    assert "Modérateur·rice — Maire de Dijon" in text
    assert "Conférence plénière" not in text  # Grace's session
    other = soup.select_one("section[aria-labelledby=person-other-editions] a")
    assert other["href"] == "/fr/2024/intervenants/ada-lovelace/"
    assert client.get(other["href"]).status_code == 200


def test_session_page_links_its_speakers(client, two_editions):
    soup = BeautifulSoup(client.get("/fr/2025/programme/").content, "html.parser")
    session_url = soup.find("a", string="Atelier climat")["href"]
    session = BeautifulSoup(client.get(session_url).content, "html.parser")
    link = session.select_one(".person-card__name a")
    assert link.get_text(strip=True) == "Ada Lovelace"
    assert link["href"] == "/fr/2025/intervenants/ada-lovelace/"


def test_unknown_or_absent_speaker_is_a_404(client, two_editions):
    assert client.get("/fr/2025/intervenants/personne/").status_code == 404
    PersonFactory(slug="sans-seance")
    assert client.get("/fr/2025/intervenants/sans-seance/").status_code == 404


def test_empty_index_says_so(client, edition):
    index = SpeakerIndexPageFactory(parent=edition)
    assert (
        "Les intervenants de cette édition seront bientôt annoncés."
        in client.get(index.url).content.decode()
    )


def test_a_restricted_programme_s_sessions_are_named_on_no_speakers_page(client, two_editions):
    """Issue 24, 4: the speakers' list and pages follow the programme's restriction, here and
    on another edition's page of the same speaker (home/visibility.py)."""
    from wagtail.models import PageViewRestriction

    from sessions.models import ProgrammePage

    older_page = "/fr/2024/intervenants/ada-lovelace/"
    assert "/fr/2025/" in client.get(older_page).content.decode()
    programme = ProgrammePage.objects.get(slug="programme", url_path__contains="/2025/")
    PageViewRestriction.objects.create(
        page=programme, restriction_type=PageViewRestriction.PASSWORD, password="rencontres"
    )
    index = client.get(two_editions["index"].url).content.decode()
    assert "Ada Lovelace" not in index
    assert "Grace Hopper" not in index
    assert client.get("/fr/2025/intervenants/ada-lovelace/").status_code == 404
    older = client.get(older_page).content.decode()
    assert "Atelier climat" not in older
    assert "/fr/2025/intervenants/" not in older
