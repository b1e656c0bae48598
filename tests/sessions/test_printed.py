"""The printed programme: an A4 PDF per language from the same content, cached until what
it shows changes."""

import io

from pypdf import PdfReader

from sessions.models import SessionPage


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_french_pdf_has_cover_schedule_practical_information_and_partners(demo, client):
    page = client.get("/fr/2025/programme/")
    assert 'href="/fr/2025/programme/programme.pdf"' in page.content.decode()
    reader, text = pdf_text(client.get("/fr/2025/programme/programme.pdf"))
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "16e édition" in cover
    assert "Rencontres de l'AICT 2025" in cover
    assert "vendredi 4 juillet 2025" in cover
    assert "Salons de l’Hôtel des Arts & Métiers" in cover
    for session in SessionPage.objects.live().filter(locale__language_code="fr"):
        assert session.title in text
    assert "Espace des Partenaires" in text
    assert "Iéna" in text and "Parking Kléber" in text  # practical information
    assert len(reader.pages) == 4  # cover, programme, practical information, partners
    images = len(reader.pages[3].images)
    assert images >= 1  # partner logos


def test_each_language_has_its_pdf(demo_translated, client):
    _, english = pdf_text(client.get("/en/2025/programme/programme.pdf"))
    assert "16th edition" in english and "Friday 4 July 2025" in english
    assert "Workshops" in english
    _, spanish = pdf_text(
        client.get(
            "/es/2025/programme/programa.pdf".replace("programa.pdf", "programme.pdf").replace(
                "/programme/", "/programa/"
            )
        )
    )
    assert "16.ª edición" in spanish


def test_the_pdf_is_cached_until_the_programme_changes(demo, client):
    first = client.get("/fr/2025/programme/programme.pdf")
    assert first["X-Programme-PDF"] == "made"
    assert client.get("/fr/2025/programme/programme.pdf")["X-Programme-PDF"] == "cached"
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    session.title = "Ateliers thématiques du matin"
    session.save_revision().publish()
    changed = client.get("/fr/2025/programme/programme.pdf")
    assert changed["X-Programme-PDF"] == "made"
    assert "Ateliers thématiques du matin" in pdf_text(changed)[1]


def test_the_pdf_prints_every_partner_by_name_with_its_logo_from_s3(s3, demo, client):
    from editions.models import EditionPage

    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    rows = list(edition.partner_rows())
    with_logo = [row.partner for row in rows if row.partner.logo_id]
    assert with_logo and with_logo[0].logo.file.name in s3.keys()  # noqa: SIM118 (the S3 server's keys) the media are on S3
    reader, text = pdf_text(client.get("/fr/2025/programme/programme.pdf"))
    partners_page = reader.pages[-1]
    # Each logo fetched through the storage from the S3 server, none lost (WeasyPrint lists
    # the document's images on each page: the cover's poster, also from S3, is among them)…
    poster = 1 if edition.key_visual_id else 0
    assert len(partners_page.images) == len({p.logo_id for p in with_logo}) + poster
    # …and each partner's name printed beside it: a black-and-white copy still names them.
    names = " ".join(partners_page.extract_text().split())
    for row in rows:
        assert " ".join(row.partner.name.split()) in names, row.partner.name
