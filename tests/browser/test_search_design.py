"""The search page as a visitor sees it in Chromium: labelled fields of one height in one row on
a computer and stacked across a phone, and the footer at the foot of the window when the page is short."""

import pytest

from .conftest import save_screenshot

pytestmark = pytest.mark.browser

FIELDS = ("Mots à rechercher", "Édition", "Type de séance")


@pytest.fixture
def computer(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR")
    yield context.new_page()
    context.close()


def box(locator):
    found = locator.bounding_box()
    assert found is not None
    return found


def test_the_search_fields_are_labelled_and_aligned_on_a_computer_and_a_phone(
    computer, phone, live_server, demo_site
):
    computer.goto(f"{live_server.url}/fr/search/?q=atelier")
    controls = [computer.get_by_label(label, exact=True) for label in FIELDS]
    button = computer.locator(".search-form").get_by_role("button", name="Rechercher")
    boxes = [box(control) for control in (*controls, button)]
    # One row: the same top and height for the three fields and the button, none tiny.
    assert {round(b["y"]) for b in boxes} == {round(boxes[0]["y"])}, boxes
    assert {round(b["height"]) for b in boxes} == {round(boxes[0]["height"])}, boxes
    assert boxes[0]["height"] >= 44 and all(b["width"] >= 120 for b in boxes[:3]), boxes

    save_screenshot(computer, "search-on-a-computer")

    phone.goto(f"{live_server.url}/fr/search/?q=atelier")
    stacked = [box(phone.get_by_label(label, exact=True)) for label in FIELDS]
    assert stacked[0]["y"] < stacked[1]["y"] < stacked[2]["y"]
    assert all(b["width"] >= 300 for b in stacked), stacked  # across the 390 px screen
    save_screenshot(phone, "search-on-a-phone")


def test_the_footer_is_at_the_foot_of_a_short_page(computer, live_server, demo_site):
    computer.goto(f"{live_server.url}/fr/search/?q=introuvablexyz")
    assert "0 résultat" in computer.get_by_role("status").inner_text()
    footer = box(computer.locator("footer.site-footer"))
    # No white gap under the footer: it ends at the window's foot (800 px).
    assert footer["y"] + footer["height"] >= 799, footer
