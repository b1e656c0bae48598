"""The editors' grid of the programme: conflicts, missing rooms and speakers, drafts and
translations, each session linked to its editor; queries do not grow with the programme."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bs4 import BeautifulSoup

from sessions.factories import (
    PersonFactory,
    RoomFactory,
    SessionPageFactory,
    SessionSpeakerFactory,
)
from sessions.grid import find_conflicts
from sessions.models import SessionPage


def grid(admin_client, programme):
    response = admin_client.get(reverse("programme_grid", args=[programme.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def cell_text(soup, session):
    return " ".join(soup.select_one(f"[data-session='{session.pk}']").get_text(" ").split())


def test_conflicts_in_a_room_and_for_a_speaker(programme, venue):
    room = RoomFactory(venue=venue, name="Salle Iéna")
    mayor = PersonFactory(first_name="Awa", last_name="Diop", slug="awa-diop")
    a = SessionPageFactory(parent=programme, title="Atelier A", at=(9, 30), minutes=90, room=room)
    b = SessionPageFactory(parent=programme, title="Atelier B", at=(10, 30), minutes=30, room=room)
    c = SessionPageFactory(parent=programme, title="Plénière", at=(10, 0), minutes=30)
    d = SessionPageFactory(parent=programme, title="Clôture", at=(11, 0), minutes=30, room=room)
    for session in (a, c):
        SessionSpeakerFactory(session=session, person=mayor)
    sessions = list(SessionPage.objects.order_by("start"))
    speakers = {s.pk: list(s.speakers.select_related("person")) for s in sessions}
    found = find_conflicts(sessions, speakers)
    assert found[a.pk] == [
        "Awa Diop est aussi à « Plénière »",
        "Même salle au même moment que « Atelier B »",
    ]
    assert found[b.pk] == ["Même salle au même moment que « Atelier A »"]
    assert found[c.pk] == ["Awa Diop est aussi à « Atelier A »"]
    assert d.pk not in found  # 11:00 starts when B ends: no overlap
    b.status = "cancelled"
    b.save()
    sessions = list(SessionPage.objects.order_by("start"))
    assert b.pk not in find_conflicts(sessions, speakers)


def test_the_grid_shows_what_needs_attention(admin_client, programme, venue):
    room = RoomFactory(venue=venue, name="Salle Iéna")
    a = SessionPageFactory(parent=programme, title="Atelier A", at=(9, 30), room=room)
    b = SessionPageFactory(parent=programme, title="Atelier B", at=(10, 0), room=room, live=False)
    SessionSpeakerFactory(session=a)
    pause = SessionPageFactory(parent=programme, title="Pause", session_type="break", at=(11, 0))
    soup = grid(admin_client, programme)
    headers = [th.get_text(strip=True) for th in soup.select("thead th")]
    assert headers == ["Horaire", "Salle Iéna", "Sans salle"]
    assert "Même salle au même moment que « Atelier B »" in cell_text(soup, a)
    assert "Brouillon" in cell_text(soup, b) and "Aucun intervenant" in cell_text(soup, b)
    assert "Sans salle" in cell_text(soup, pause) and "Aucun intervenant" not in cell_text(
        soup, pause
    )
    assert "EN : Non traduit" in cell_text(soup, a)
    assert soup.select_one(f"[data-session='{a.pk}']")["href"] == reverse(
        "wagtailadmin_pages:edit", args=[a.pk]
    )
    assert "9 h 30 – 11 h 00" in cell_text(soup, a).replace("\u00a0", " ")
    assert "2 séances en conflit" in soup.get_text()


def test_the_grid_shows_translation_status(demo_translated, admin_client):
    from wagtail.models import Locale

    from sessions.models import ProgrammePage

    programme = ProgrammePage.objects.get(locale=Locale.get_default(), url_path__contains="/2025/")
    session = SessionPage.objects.child_of(programme).get(slug="ateliers-matin")
    soup = grid(admin_client, programme)
    text = cell_text(soup, session)
    assert "EN : À jour" in text and "ES : À jour" in text
    assert soup.find("p", role="status").get_text(" ", strip=True).startswith("0 séance en conflit")
    # The French words change: « à mettre à jour » as soon as the French is published; a
    # change of time alone leaves the translations up to date.
    session.summary = "Un résumé tout neuf."
    session.save_revision().publish()
    other = SessionPage.objects.child_of(programme).exclude(pk=session.pk).first()
    other.start += datetime.timedelta(minutes=5)
    other.end += datetime.timedelta(minutes=5)
    other.save_revision().publish()
    soup = grid(admin_client, programme)
    assert "EN : À mettre à jour" in cell_text(soup, session)
    assert "EN : À jour" in cell_text(soup, other)


def test_grid_queries_do_not_grow_with_the_programme(admin_client, home, venue):
    from editions.factories import EditionPageFactory
    from sessions.factories import ProgrammePageFactory

    counts = []
    for year, size in ((2025, 5), (2026, 40)):
        programme = ProgrammePageFactory(
            parent=EditionPageFactory(parent=home, year=year, venue=venue)
        )
        room = RoomFactory(venue=venue)
        for n in range(size):
            session = SessionPageFactory(
                parent=programme, at=(9 + n % 8, 0), room=room if n % 2 else None
            )
            SessionSpeakerFactory(session=session)
        grid(admin_client, programme)
        with CaptureQueriesContext(connection) as queries:
            soup = grid(admin_client, programme)
        assert len(soup.select("[data-session]")) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
