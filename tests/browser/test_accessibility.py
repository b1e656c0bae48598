"""WCAG 2.1 AA, checked by axe-core in Chromium on the demo's public pages, phone and desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = [
    "/fr/",
    "/fr/2025/",
    "/fr/2025/programme/",
    "/fr/2025/programme/?type=workshop",
    "/fr/2025/programme/ateliers-matin/",
    "/fr/2025/infos-pratiques/",
    "/fr/2025/partenaires/",
    "/fr/2025/intervenants/",
    "/fr/2025/relais-de-la-coop-dec/",
    "/fr/2024/",
    "/fr/search/?q=atelier",
]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_demo_pages_have_no_wcag_violations(browser, live_server, demo_site, viewport):
    axe = Axe()
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    found = {}
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        results = axe.run(page, options=WCAG_AA)
        violations = results.response["violations"]
        if violations:
            found[path] = [
                (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
            ]
    context.close()
    assert found == {}


def test_the_checker_does_report_violations(browser):
    """Guards the test above against passing vacuously."""
    page = browser.new_page()
    page.set_content(
        '<html lang="fr"><body><main><img src="x.png"><a href="#"></a></main></body></html>'
    )
    ids = {v["id"] for v in Axe().run(page, options=WCAG_AA).response["violations"]}
    page.close()
    assert {"image-alt", "link-name"} <= ids
