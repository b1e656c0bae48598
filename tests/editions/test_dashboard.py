"""The admin home's panel on the current edition."""

from django.urls import reverse

import time_machine
from bs4 import BeautifulSoup

from editions.models import EditionPage
from partners.models import EditionPartner
from sessions.models import SessionPage


def panel(admin_client, moment):
    with time_machine.travel(moment, tick=False):
        response = admin_client.get(reverse("wagtailadmin_home"))
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one(".current-edition-panel")
    return " ".join(section.get_text(" ").split()), section


def test_the_panel_shows_the_edition_to_come_and_what_is_missing(demo_translated, admin_client):
    text, section = panel(admin_client, "2025-06-01 12:00 +02:00")
    assert "Rencontres de l'AICT 2025" in text
    assert "vendredi 4 juillet 2025" in text
    assert "Commence dans 33 jours." in text
    assert "Inscriptions ouvertes." in text
    sessions = SessionPage.objects.filter(locale__language_code="fr", url_path__contains="/2025/")
    assert f"{sessions.count()} séances" in text
    partners = EditionPartner.objects.filter(
        edition__year=2025, edition__locale__language_code="fr"
    )
    assert f"{partners.count()} partenaires" in text
    # English is complete; Spanish lacks the speakers and partners pages, among others.
    assert "EN : 0 page non traduite" in text
    assert "EN : 0 page à mettre à jour" in text
    spanish = [
        li for li in section.select(".current-edition-panel__missing li") if "ES :" in li.text
    ][0]
    assert "Intervenants" in spanish.get_text()
    links = [a["href"] for a in section.select("a")]
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    assert reverse("wagtailadmin_pages:edit", args=[edition.pk]) in links


def test_the_panel_follows_the_clock(demo, admin_client):
    text, _ = panel(admin_client, "2025-07-04 10:00 +02:00")
    assert "En ce moment." in text
    text, _ = panel(admin_client, "2025-03-01 12:00 +01:00")
    assert "Inscriptions ouvertes le 15 avril 2025." in text
    text, _ = panel(admin_client, "2025-09-01 12:00 +02:00")
    assert "Cette édition est terminée." in text and "Inscriptions closes." in text
