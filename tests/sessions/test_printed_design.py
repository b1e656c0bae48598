"""The printed programme, designed: the site's typeface, a time column apart from the
titles, headings kept with what follows, no page left with a lone session, links printed
as short text, and the partners' logos as a grid, by tier, with their names."""

import io
import re

import pytest
from pypdf import PdfReader

from editions.models import EditionPage
from partners.factories import EditionPartnerFactory, PartnerTierFactory
from sessions.factories import SessionPageFactory, SessionSpeakerFactory
from sessions.models import ProgrammePage

FOOTER_TOP = 40  # points from the bottom: the page number line is below


def reader_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def runs_of(page):
    """[(x, y, size in points, font, text)] of a page's text, as the PDF places it."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = tm[0] * cm[0]
            runs.append(
                (
                    tm[4] * cm[0] + cm[4],
                    tm[5] * cm[3] + cm[5],
                    round(size * scale, 1),
                    str(font.get("/BaseFont", "")) if font else "",
                    text.strip(),
                )
            )

    page.extract_text(visitor_text=visit)
    return runs


def test_the_pdf_is_set_in_the_site_typeface(demo, client):
    reader = reader_of(client, "/fr/2025/programme/programme.pdf")
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("Source-Sans-3" in name for name in fonts), fonts
    # The theme's italic is the typeface's own italic, not a slanted regular.
    assert not any("Oblique" in name for name in fonts), fonts


def test_the_time_column_stands_apart_from_the_titles(demo, client):
    reader = reader_of(client, "/fr/2025/programme/programme.pdf")
    runs = runs_of(reader.pages[1])
    times = [r for r in runs if re.fullmatch(r"\d{1,2} h \d\d", r[4])]
    titles = [r for r in runs if r[4] == "Ateliers"]
    assert times and titles
    # Every time ends well before the titles start: « 14 h 30 – 16 h 00Jeunesse » no more.
    start_of_titles = min(r[0] for r in titles)
    for x, _y, size, _font, text in times:
        assert x + len(text) * size * 0.6 < start_of_titles, text
    layout = reader.pages[1].extract_text(extraction_mode="layout")
    assert re.search(r"9 h 30 {3,}Ateliers", layout), layout[:600]
    assert not re.search(r"h \d\d[A-Za-zÀ-ÿ«]", reader.pages[1].extract_text())


@pytest.fixture
def long_programme(demo, settings):
    """Eight slots of six parallel sessions, each with a summary and four speakers: several
    pages, where a slot cannot hold on one."""
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    programme = ProgrammePage.objects.child_of(edition).get()
    for slot in range(8):
        for n in range(6):
            session = SessionPageFactory(
                parent=programme,
                title=f"Atelier {slot}-{n} : coopération décentralisée",
                summary="Retours d'expérience, débat et recommandations pour l'action "
                "internationale des collectivités territoriales. " * 2,
                at=(9 + slot, 0),
                minutes=50,
            )
            for _ in range(4):
                SessionSpeakerFactory(session=session)
    return programme


def test_headings_stay_with_what_follows_and_pages_are_filled(long_programme, client):
    reader = reader_of(client, "/fr/2025/programme/programme.pdf")
    programme_pages = [
        page
        for page in reader.pages[1:]
        if "Atelier" in page.extract_text() and "Partenaires" not in page.extract_text()[:40]
    ]
    assert len(programme_pages) >= 4
    body_size = max(r[2] for r in runs_of(programme_pages[0]) if "Atelier 0-0" in r[4])
    for number, page in enumerate(programme_pages[:-1], start=2):
        runs = [r for r in runs_of(page) if r[1] > FOOTER_TOP]
        lowest = min(runs, key=lambda r: r[1])
        # The page is filled to its foot (no page holding a lone session)…
        assert lowest[1] < 160, (number, lowest)
        # …and it does not end on a heading: the last line is body text, not larger.
        assert lowest[2] <= body_size, (number, lowest)
    for page in reader.pages[1:]:  # after the cover
        for _x, y, size, _font, text in runs_of(page):
            if size > body_size and y > FOOTER_TOP:
                # A heading has text under it on its own page.
                assert any(r[1] < y - 5 and r[1] > FOOTER_TOP for r in runs_of(page)), text


def test_links_are_printed_as_short_text(demo, client):
    reader = reader_of(client, "/fr/2025/programme/programme.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "http" not in text and "www." not in text
    assert "OpenStreetMap" not in text
    assert "salons-artsetmetiers.com" in text  # the venue's website, by its name
    assert "cites-unies-france.org" in text  # a useful link, by its site
    # Still links: a click in a PDF reader opens the whole address.
    annotations = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]
    assert any(uri.startswith("https://cites-unies-france.org/") for uri in annotations)


def test_partners_are_a_grid_of_logos_by_tier_with_names(demo, client):
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    tier = PartnerTierFactory(name="Soutiens", order=900)
    names = [f"Ville jumelle {n}" for n in range(7)]
    for name in names:
        EditionPartnerFactory(edition=edition, tier=tier, partner__name=name)
    edition.save_revision().publish()
    reader = reader_of(client, "/fr/2025/programme/programme.pdf")
    page = reader.pages[-1]
    runs = runs_of(page)
    placed = {r[4]: (round(r[0]), round(r[1])) for r in runs if r[4] in names}
    assert set(placed) == set(names)  # each logo has its partner's name
    rows = {y for _x, y in placed.values()}
    columns = {x for x, _y in placed.values()}
    # Several logos a row (not one column), the rest on the next row.
    assert len(columns) >= 4 and 2 <= len(rows) < len(names), placed
    heading = next(r for r in runs if r[4] == "Soutiens")
    assert all(y < heading[1] for _x, y in placed.values())  # under their tier's name
