"""The site's typeface: Source Sans 3 under the SIL Open Font License, installed from the npm
registry (package.json) and served from our own static files, never from a font CDN."""

import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parents[2]
FACE = re.compile(r"@font-face\s*{([^}]*)}")


def font_faces():
    css = (ROOT / "static" / "css" / "site.css").read_text()
    return FACE.findall(css)


def test_the_typeface_comes_from_the_npm_registry_under_an_open_licence():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    version = package["dependencies"]["@fontsource/source-sans-3"]
    locked = lock["packages"]["node_modules/@fontsource/source-sans-3"]
    assert locked["version"] == version
    assert locked["integrity"].startswith("sha512-")  # `npm ci` checks the download
    assert locked["license"] == "OFL-1.1"


def test_every_face_is_a_small_local_subset_that_swaps():
    faces = font_faces()
    # Regular and bold, each in the Latin subset and the Latin Extended one.
    assert len(faces) == 4
    for face in faces:
        assert "font-display: swap" in face
        assert "unicode-range:" in face
        (address,) = re.findall(r'url\("([^"]+)"\)', face)
        assert not address.startswith(("http:", "https:", "//")), address
        assert address.endswith(".woff2")
        found = finders.find(address.removeprefix("../"))
        assert found, f"{address} is not among the static files: run `make install`"
        # A subset, not the whole family: tens of kilobytes, not hundreds.
        assert Path(found).stat().st_size < 40_000


def test_pages_ask_for_the_typeface_first_and_preload_its_two_latin_faces(client, edition):
    """Regular and bold, both before the first paint: a bold face arriving after it re-flowed
    the English programme's headings (Lighthouse's layout shift, docs/performance.md)."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get(edition.url).content, "html.parser")
    preloads = page.select('link[rel="preload"][as="font"]')
    assert [link["href"].rsplit("/", 1)[1] for link in preloads] == [
        "source-sans-3-latin-400-normal.woff2",
        "source-sans-3-latin-700-normal.woff2",
    ]
    for preload in preloads:
        assert preload.has_attr("crossorigin") and preload["type"] == "font/woff2"
    css = (ROOT / "static" / "css" / "site.css").read_text()
    assert re.search(r'font-family: "Source Sans 3", system-ui', css)
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css
