"""An editor imports a spreadsheet in the real admin: upload, read the preview, confirm, and
find the new workshop on the public programme."""

import datetime

import pytest

from programme.models import ProgrammePage, SessionPage
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
    page.get_by_role("button", name="Confirmer l'import").click()
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
