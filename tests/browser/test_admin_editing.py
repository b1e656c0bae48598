"""An editor in the real admin (with its JavaScript): French whatever the browser's language,
dates shown and taken back in the French order, and a mistake explained on the field."""

import re

import pytest

from editions.models import EditionPage
from sessions.models import SessionPage

from .conftest import save_screenshot

pytestmark = pytest.mark.browser


def publish(page):
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publier").click()


def test_edit_and_publish_the_edition_unchanged(editor_page, live_server):
    page = editor_page
    assert "Tableau de bord" in page.content()
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    page.goto(f"{live_server.url}/admin/pages/{edition.pk}/edit/")
    assert page.locator("#id_start").input_value() == "04/07/2025 08:00"
    assert page.locator("#id_end").input_value() == "04/07/2025 18:00"
    save_screenshot(page, "admin-edition-edit")
    publish(page)
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    assert "a été publiée" in page.content()
    edition.refresh_from_db()
    assert edition.start.isoformat() == "2025-07-04T06:00:00+00:00"


def test_a_session_ending_before_it_starts_is_explained_on_the_field(editor_page, live_server):
    page = editor_page
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    page.goto(f"{live_server.url}/admin/pages/{session.pk}/edit/")
    page.fill("#id_end", "04/07/2025 09:00")
    page.keyboard.press("Escape")
    publish(page)
    error = page.locator("[data-field-wrapper]:has(#id_end) .error-message")
    error.wait_for()
    assert error.inner_text().strip() == "La fin doit être postérieure au début."
    save_screenshot(page, "admin-session-error")
    session.refresh_from_db()
    assert session.end.isoformat() == "2025-07-04T09:00:00+00:00"  # nothing was written
