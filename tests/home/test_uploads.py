"""Uploads stay within what the site can serve safely: image and document types, size
limits with a clear French message, and rich text within Wagtail's feature whitelist."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from bs4 import BeautifulSoup

from editions.demo.images import draw_label
from partners.factories import EditionPartnerFactory, PartnerFactory

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" onload="alert(1)">'
    b"<script>alert(1)</script>"
    b'<a href="javascript:alert(1)"><rect width="120" height="60" fill="#0055a4"/></a>'
    b'<image href="https://evil.example/track.png"/>'
    b"<foreignObject><div>trap</div></foreignObject></svg>"
)


def errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(e.get_text(" ", strip=True) for e in soup.select(".error-message"))


def add_image(client, name, content, content_type):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_an_svg_logo_is_cleaned_of_script_and_shown_safely(admin_client, client, edition):
    response = add_image(admin_client, "logo.svg", SVG, "image/svg+xml")
    assert response.status_code == 302
    image = get_image_model().objects.get()
    stored = image.file.read()
    assert b"<rect" in stored and b'fill="#0055a4"' in stored
    for trap in (b"script", b"onload", b"javascript:", b"foreignObject", b"evil.example"):
        assert trap not in stored, trap
    assert image.file_size == len(stored)
    assert (image.width, image.height) == (120, 60)

    # As a partner's logo: an <img> of the SVG itself (no raster formats made from it).
    partner = PartnerFactory(name="Ville de Lyon", logo=image)
    EditionPartnerFactory(edition=edition, partner=partner, show_in_footer=True)
    edition.save_revision().publish()
    page = BeautifulSoup(client.get(edition.url).content, "html.parser")
    logo = page.select_one('img[alt="Ville de Lyon"]')
    assert logo["src"].endswith(".svg")
    assert (logo["width"], logo["height"], logo["loading"]) == ("120", "60", "lazy")
    assert logo.find_parent("picture") is None
    # Opened on its own, it may run nothing.
    # (Under DEBUG Django serves media, in production the bucket does; the policy is ours.)
    served = client.get(logo["src"])
    assert "sandbox" in served.headers["Content-Security-Policy"]
    assert "script-src" not in served.headers["Content-Security-Policy"]


def test_an_unknown_image_type_is_refused(admin_client):
    response = add_image(admin_client, "logo.bmp", b"BM" + b"0" * 64, "image/bmp")
    assert response.status_code == 200
    assert errors(response) == (
        "Format d'image non supporté. Formats supportés : AVIF, GIF, JPG, JPEG, PNG, SVG, WEBP."
    )
    assert not get_image_model().objects.exists()


def test_a_too_large_image_gets_a_clear_message(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = add_image(admin_client, "logo.png", draw_label("CUF"), "image/png")
    assert response.status_code == 200
    assert errors(response) == (
        "Ce fichier est trop gros (3,1\u00a0Kio). La taille de fichier maximale est de 1,0\u00a0Kio."
    )
    assert not get_image_model().objects.exists()


def test_a_document_of_another_type_is_refused(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Page piégée",
            "file": SimpleUploadedFile("piege.html", b"<script>alert(1)</script>", "text/html"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert "html" in errors(response).lower()
    assert not get_document_model().objects.exists()


def test_rich_text_keeps_to_the_whitelist(admin_client, home):
    from wagtail.rich_text import RichText  # noqa: F401
    from wagtail.test.utils.form_data import rich_text, streamfield

    from home.models import StandardPage
    from tests.admin_forms import add_page

    response = add_page(
        admin_client,
        home,
        StandardPage,
        {
            "title": "Mentions légales",
            "slug": "mentions-legales",
            "introduction": "",
            "body": streamfield(
                [
                    (
                        "paragraph",
                        rich_text(
                            '<p onclick="alert(1)">Texte<script>alert(2)</script> '
                            '<a href="javascript:alert(3)">lien</a></p>'
                        ),
                    )
                ]
            ),
        },
    )
    assert response.status_code == 302, errors(response)
    stored = str(
        StandardPage.objects.get(slug="mentions-legales", locale__language_code="fr").body.raw_data
    )
    assert "onclick" not in stored and "<script" not in stored and "javascript:" not in stored


def huge_png(width, height):
    """A tiny file that decodes to an enormous image (one colour, compressed away)."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_an_image_with_too_many_pixels_is_refused_with_its_numbers(admin_client, db):
    # Past Wagtail's limit, then past Pillow's own guard (~180 megapixels) too.
    for width, height in ((60000, 2000), (60000, 4000)):
        content = huge_png(width, height)
        assert len(content) < 100_000
        response = add_image(admin_client, "affiche.png", content, "image/png")
        assert response.status_code == 200
        message = errors(response)
        digits = message.replace(" ", "").replace("\u202f", "").replace("\xa0", "")
        assert "trop grand nombre de pixels" in message
        assert str(width * height) in digits and "40000000" in digits, message
        assert "inconnu" not in message
    assert get_image_model().objects.count() == 0
    # A real poster (A3 at 300 dpi, 17 megapixels) is within the limit.
    response = add_image(admin_client, "a3.png", huge_png(3508, 4961), "image/png")
    assert response.status_code == 302
