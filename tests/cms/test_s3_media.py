"""The media path on a real S3-compatible server, configured as production configures it:
an image uploaded in the admin lands private in the bucket, pages show public renditions
at plain (unsigned) addresses, and deleting the image empties the bucket again."""

import io
import urllib.request

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

from bs4 import BeautifulSoup
from PIL import Image

from partners.factories import EditionPartnerFactory, PartnerFactory
from tests.helpers import png_file


def test_upload_render_and_delete_an_image_on_s3(
    s3, admin_client, client, edition, django_capture_on_commit_callbacks
):
    upload = png_file("logo-lyon.png", 600, 300)
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Logo de Lyon",
            "file": SimpleUploadedFile("logo-lyon.png", upload.read(), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert s3.keys() == [image.file.name]
    assert image.file.name.startswith("original_images/")
    assert not s3.is_public(image.file.name)
    # The original is reached only through a signed, expiring link.
    assert "X-Amz-Signature=" in image.file.url or "Signature=" in image.file.url

    partner = PartnerFactory(name="Ville de Lyon", logo=image)
    EditionPartnerFactory(edition=edition, partner=partner, show_in_footer=True)
    edition.save_revision().publish()
    page = BeautifulSoup(client.get(edition.url).content, "html.parser")
    picture = page.select_one(".partner-logo picture")
    addresses = [picture.img["src"]] + [
        candidate.split()[0]
        for source in picture.select("source")
        for candidate in source["srcset"].split(", ")
    ]
    assert len(addresses) == 5  # PNG fallback, AVIF and WebP at two widths
    formats = set()
    for address in addresses:
        assert address.startswith(f"{s3.endpoint}/{s3.bucket}/images/")
        assert "?" not in address  # nothing that expires in cached HTML
        with urllib.request.urlopen(address) as served:
            assert served.status == 200
            assert served.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            formats.add(Image.open(io.BytesIO(served.read())).format)
        key = address.removeprefix(f"{s3.endpoint}/{s3.bucket}/")
        assert s3.is_public(key)
    assert formats == {"PNG", "AVIF", "WEBP"}
    assert len(s3.keys()) == 1 + 6  # the original and its renditions

    partner.logo = None  # the editor removes the logo, then deletes the image
    partner.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert response.status_code == 302
    assert not get_image_model().objects.exists()
    assert s3.keys() == []
