"""Editing comfort: a time picker in quarter hours, the moderator's comparison in local time
and in French, and people and rooms created from their chooser without leaving the page."""

import datetime
import re

from django.urls import reverse

from bs4 import BeautifulSoup

from sessions.models import Person, Room, SessionPage


def plenary():
    return SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")


def test_the_time_picker_offers_quarter_hours(admin_client, demo):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[plenary().pk])).content
    for field in ("id_start", "id_end"):
        assert re.search(rf'initDateTimeChooser\("{field}", \{{[^}}]*"step": 15', html.decode())


def test_the_comparison_shows_local_times_in_french(admin_client, demo):
    session = plenary()
    before = session.save_revision()
    session.start += datetime.timedelta(minutes=15)
    after = session.save_revision()
    url = reverse("wagtailadmin_pages:revisions_compare", args=[session.pk, before.pk, after.pk])
    text = " ".join(BeautifulSoup(admin_client.get(url).content, "html.parser").get_text().split())
    local = session.edition.local(session.start)
    assert "+00:00" not in text and "2025-07-04" not in text
    assert f"4 juillet 2025 {local:%H:%M}" in text


def test_a_person_and_a_room_are_created_from_their_chooser(admin_client, demo):
    session = plenary()
    for model, data in (
        (Person, {"first_name": "Awa", "last_name": "Diop", "bio": ""}),
        (
            Room,
            {
                "name": "Salle Iéna",
                "venue": str(session.edition.venue_id),
                "capacity": "40",
                "description": "",
            },
        ),
    ):
        name = f"wagtailsnippetchoosers_programme_{model._meta.model_name}"
        chooser = admin_client.get(reverse(f"{name}:choose")).content.decode()
        assert reverse(f"{name}:create") in chooser
        response = admin_client.post(reverse(f"{name}:create"), data)
        assert response.status_code == 200
        assert response.json()["step"] == "chosen"
        assert (
            model.objects.filter(locale__language_code="fr")
            .filter(**{k: v for k, v in data.items() if k in ("last_name", "name")})
            .exists()
        )
    assert Person.objects.get(last_name="Diop").slug == "awa-diop"
