"""The editors' guide: each task walked in the real admin, its screenshot retaken for
docs/guide/ on every run; and the guide itself, read from the admin's menu."""

import pytest

from editions.models import EditionPage
from sessions.models import ProgrammePage, SessionPage

from .conftest import save_guide_screenshot

pytestmark = pytest.mark.browser


def open_action(page, name):
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name=name).click()


def test_the_guides_tasks_in_the_real_admin(editor_page, live_server):
    page = editor_page
    base = live_server.url

    page.goto(f"{base}/admin/")
    page.locator(".current-edition-panel").wait_for()
    save_guide_screenshot(page, "tableau-de-bord")

    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    page.goto(f"{base}/admin/pages/{edition.pk}/edit/")
    open_action(page, "Préparer l'édition suivante")
    page.get_by_label("Année de la nouvelle édition").wait_for()
    assert page.get_by_label("Année de la nouvelle édition").input_value() == "2026"
    assert page.get_by_label("Premier jour").input_value() == "03/07/2026"
    save_guide_screenshot(page, "nouvelle-edition")

    programme = ProgrammePage.objects.get(locale__language_code="fr", url_path__contains="/2025/")
    page.goto(f"{base}/admin/pages/{programme.pk}/edit/")
    open_action(page, "Grille du programme")
    page.locator("table.programme-grid").first.wait_for()
    assert "Espace des Partenaires" in page.locator("table.programme-grid thead").first.inner_text()
    save_guide_screenshot(page, "grille")
    page.locator("a.grid-session").first.click()
    page.wait_for_url("**/admin/pages/*/edit/")

    page.goto(f"{base}/admin/pages/{programme.pk}/edit/")
    open_action(page, "Programmer la publication du programme")
    page.get_by_label("Publier le").wait_for()
    save_guide_screenshot(page, "planifier-publication")

    english = SessionPage.objects.get(slug="morning-workshops", locale__language_code="en")
    page.goto(f"{base}/admin/pages/{english.pk}/edit/")
    page.get_by_text("Workshops").first.wait_for()
    save_guide_screenshot(page, "traduction-editeur")


def test_the_guide_is_linked_from_the_admin_with_its_pictures(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Mode d’emploi", exact=True).click()
    page.get_by_role("heading", name="Guide de l'éditeur et du traducteur").wait_for()
    page.get_by_role("link", name="Importer le programme depuis un tableur").click()
    picture = page.get_by_role("img", name="L'aperçu d'un import")
    picture.wait_for()
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
