"""wagtail-localize's translation editor in Chromium: a French source of several lines (a
session's summary, a plain text field) shows them as lines, not joined into one (issue 25,
item 10)."""

from wagtail.models import Locale

import pytest
from playwright.sync_api import expect

from sessions.models import SessionPage

from .conftest import save_screenshot

pytestmark = pytest.mark.browser

SUMMARY = "Première ligne du résumé.\nDeuxième ligne, après un retour.\nTroisième & dernière."


def test_a_source_of_several_lines_shows_its_lines(editor_page, live_server):
    page = editor_page
    french = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    french.summary = SUMMARY
    french.save_revision().publish()  # the translation editor gets the new words at once
    english = french.get_translation(Locale.objects.get(language_code="en"))
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    source = page.locator(".js-translation-editor li > p", has_text="Première ligne du résumé")
    expect(source).to_be_visible(timeout=15000)
    assert source.evaluate("element => getComputedStyle(element).whiteSpace") == "pre-line"
    # What the translator reads: three lines, « & » as typed.
    assert source.inner_text().splitlines() == SUMMARY.splitlines()
    # Rendered as three lines: taller than one.
    line_height = source.evaluate(
        "element => parseFloat(getComputedStyle(element).lineHeight) || 20"
    )
    assert source.bounding_box()["height"] > 2 * line_height
    source.scroll_into_view_if_needed()
    save_screenshot(page, "admin-translation-editor-lines")
