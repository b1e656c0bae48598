"""Programme spreadsheets for the import tests: the organiser's columns, two rows, and
the steps an editor takes (preview, confirm) through the admin."""

import datetime
import zoneinfo

from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from sessions.importing.planning import Planner
from sessions.importing.reading import FileRejected, read
from tests.helpers import HEADERS, workbook

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
WORKSHOP = [
    "A1",
    datetime.date(2025, 7, 4),
    datetime.time(11, 0),
    datetime.time(12, 30),
    "Atelier",
    "Coopération décentralisée et climat",
    "Espace des partenaires",
    "Comment agir ensemble.",
    "Michaël Delafosse | Maire de Montpellier | Modérateur\nAwa Diop | Adjointe au maire de Dakar",
    "PLATFORMA",
    "Afrique de l'Ouest",
    "Français",
]
PLENARY = [
    "P1",
    "04/07/2025",
    "14h00",
    "15h30",
    "Plénière",
    "Plénière de l'après-midi",
    "",
    "",
    "Awa Diop | Adjointe au maire de Dakar | intervenante",
    "",
    "",
    "anglais",
]


def xlsx(rows, headers=HEADERS, setup=None):
    return workbook(headers, rows, setup)


def plan_of(programme, content, name="programme.xlsx"):
    with translation.override("fr"):
        return Planner(programme).plan(read(name, content))


def problems_of(programme, content, name="programme.xlsx"):
    return [
        f"ligne {line} : {message}" for line, message in plan_of(programme, content, name).problems
    ]


def rejected(content, name="programme.xlsx"):
    with translation.override("fr"), pytest.raises(FileRejected) as caught:
        read(name, content)
    return " ".join(caught.value.messages)


def upload(client, programme, content, name="programme.xlsx", publish=True):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"file": SimpleUploadedFile(name, content)}
    if publish:
        data["publish"] = "on"
    return client.post(reverse("programme_import", args=[programme.pk]), data)


def confirm(client, world, token, publish="1", follow=True):
    """« Confirmer l'import »: the page streamed as the sessions are written, then (as the
    browser does on its closing refresh) the programme with the report."""
    response = client.post(
        reverse("programme_import", args=[world.pk]), {"token": token, "publish": publish}
    )
    assert response.status_code == 200 and response.streaming
    page = b"".join(response.streaming_content).decode()
    soup = BeautifulSoup(page, "html.parser")
    refresh = soup.find("meta", {"http-equiv": "refresh"})["content"]
    done = refresh.split("url=", 1)[1]
    assert done == reverse("programme_import_done", args=[world.pk, token])
    if not follow:
        return soup
    return client.get(done, follow=True)


def csv_of(rows, headers=HEADERS):
    return "\n".join(";".join(row) for row in [headers, *rows]).encode()
