"""Wagtail's live preview, in the admin's side panel: the panel frames the page being edited
(the admin frames its own preview; nothing else may frame the site)."""

import pytest
from playwright.sync_api import expect

from editions.models import EditionPage
from sessions.models import ProgrammePage, SessionPage

from .conftest import save_screenshot

pytestmark = pytest.mark.browser


def open_preview_panel(page, live_server, edited):
    """The page's edit view with « Aperçu » opened; its heading as the panel shows it."""
    page.goto(f"{live_server.url}/admin/pages/{edited.pk}/edit/")
    # Wagtail reopens the panel last open: start from a closed one.
    page.evaluate("window.localStorage.clear()")
    page.reload()
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator(".w-preview__iframe").last
    return frame.get_by_role("heading", level=1, name=edited.title, exact=True)


def test_the_preview_panel_shows_the_page_being_edited(editor_page, live_server):
    page = editor_page
    refused = []
    page.on(
        "console",
        lambda message: "frame-ancestors" in message.text and refused.append(message.text),
    )
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    expect(open_preview_panel(page, live_server, session)).to_be_visible(timeout=15000)
    save_screenshot(page, "admin-preview-session")
    for model in (EditionPage, ProgrammePage):
        edited = model.objects.filter(locale__language_code="fr").first()
        expect(open_preview_panel(page, live_server, edited)).to_be_visible(timeout=15000)
    assert refused == []
