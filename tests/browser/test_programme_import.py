"""An editor imports a spreadsheet in the real admin: upload, read the preview, confirm, and
find the new workshop on the public programme."""

import datetime
import re

import pytest

from sessions.models import ProgrammePage, SessionPage
from tests.helpers import workbook

from .conftest import save_guide_screenshot

pytestmark = pytest.mark.browser


def spreadsheet(path):
    path.write_bytes(
        workbook(
            ["Référence", "Jour", "Début", "Fin", "Type", "Titre", "Salle", "Intervenants"],
            [
                [
                    "ATELIER-9",
                    datetime.date(2025, 7, 4),
                    datetime.time(16, 0),
                    datetime.time(17, 0),
                    "Atelier",
                    "Villes jumelles et eau potable",
                    "Espace des Partenaires",
                    "Awa Diop | Adjointe au maire de Dakar | intervenante",
                ]
            ],
        )
    )
    return path


REFRESH = re.compile(r'<meta http-equiv="refresh"[^>]*>')


def progress_without_refresh(route):
    """The confirmation's response as the server sent it, without its closing refresh."""
    response = route.fetch()
    body = response.text()
    route.fulfill(response=response, body=REFRESH.sub("", body))


def test_an_editor_imports_a_workshop_and_finds_it_on_the_programme(
    editor_page, live_server, tmp_path
):
    page = editor_page
    programme = ProgrammePage.objects.get(locale__language_code="fr", url_path__contains="/2025/")
    page.goto(f"{live_server.url}/admin/pages/{programme.pk}/edit/")
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Importer un tableur").click()
    page.wait_for_url(f"**/admin/programme/{programme.pk}/import/")
    page.set_input_files("input[name=file]", str(spreadsheet(tmp_path / "programme.xlsx")))
    page.get_by_role("button", name="Prévisualiser l'import").click()
    page.get_by_role("heading", name="Séances à créer").wait_for()
    assert "Villes jumelles et eau potable" in page.locator("table.listing").inner_text()
    assert "Awa Diop (nouveau)" in page.locator("table.listing").inner_text()
    save_guide_screenshot(page, "import-apercu")
    assert not SessionPage.objects.filter(reference="ATELIER-9").exists()
    # The progress page moves on by itself (a meta refresh) once everything is written: for
    # the guide's picture, its last state is kept on screen without the refresh, then its
    # own « Continuer » link goes on, as the refresh would.
    page.route(f"**/admin/programme/{programme.pk}/import/", progress_without_refresh)
    page.get_by_role("button", name="Confirmer l'import").click()
    page.get_by_role("link", name="Continuer").wait_for()
    assert "Import en cours" in page.locator("header.w-header").inner_text()
    assert "1 séance sur 1 écrite" in page.locator(".import-steps").inner_text()
    save_guide_screenshot(page, "import-en-cours")
    page.get_by_role("link", name="Continuer").click()
    page.wait_for_url(f"**/admin/pages/{programme.pk}/")
    assert "Programme importé. Séances créées : 1, mises à jour : 0" in page.content()

    page.goto(f"{live_server.url}/fr/2025/programme/?type=workshop")
    page.get_by_role("link", name="Villes jumelles et eau potable").click()
    page.get_by_role("heading", name="Villes jumelles et eau potable", level=1).wait_for()
    assert "Awa Diop" in page.locator("main").inner_text()

    # It is in the English and Spanish programmes at once, in French words marked as such,
    # and every programme counts the same sessions.
    counts = {}
    for code, url in (
        ("fr", "/fr/2025/programme/"),
        ("en", "/en/2025/programme/"),
        ("es", "/es/2025/programa/"),
    ):
        page.goto(f"{live_server.url}{url}")
        title = page.locator(".session-card__title a", has_text="Villes jumelles et eau potable")
        assert title.count() == 1, code
        if code != "fr":
            assert title.get_attribute("lang") == "fr"
        counts[code] = page.locator(".session-card").count()
    assert counts["fr"] == counts["en"] == counts["es"]
