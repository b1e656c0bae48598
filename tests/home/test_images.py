"""Images reach phones as AVIF or WebP at the size they are shown, never shifting the page."""

from django.core.files.storage import storages

from wagtail.images import get_image_model

from bs4 import BeautifulSoup
from PIL import Image

from editions.models import EditionPage
from tests.helpers import png_file


def stored_format(url, settings):
    name = url.removeprefix(settings.MEDIA_URL)
    with storages["default"].open(name) as file:
        return Image.open(file).format


def test_logos_and_photos_come_in_modern_formats_with_sizes(demo, client, settings):
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    page = BeautifulSoup(client.get(edition.url).content, "html.parser")
    pictures = page.select(".partner-logo picture")
    assert len(pictures) >= 3
    for picture in pictures:
        sources = {s["type"]: s for s in picture.select("source")}
        assert set(sources) == {"image/avif", "image/webp"}
        img = picture.img
        # Width and height reserve the space; below the fold they load when scrolled to.
        assert img["width"].isdigit() and img["height"].isdigit()
        assert int(img["height"]) <= 80
        assert img["loading"] == "lazy"
        assert img["alt"]
        for source in sources.values():
            candidates = [c.split() for c in source["srcset"].split(", ")]
            assert len(candidates) == 2  # 1x and 2x screens
            assert all(width.endswith("w") for _url, width in candidates)
            assert source["sizes"] == "16rem"
    first = pictures[0]
    avif = first.select_one("source[type='image/avif']")["srcset"].split()[0]
    webp = first.select_one("source[type='image/webp']")["srcset"].split()[0]
    assert stored_format(avif, settings) == "AVIF"
    assert stored_format(webp, settings) == "WEBP"
    assert stored_format(first.img["src"], settings) == "PNG"


def test_a_speaker_photo_is_sized_and_loads_at_once_on_their_own_page(demo, client, settings):

    from sessions.factories import PersonFactory, SessionSpeakerFactory
    from sessions.models import SessionPage, SpeakerIndexPage

    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    session = SessionPage.objects.live().descendant_of(edition).first()
    photo = get_image_model().objects.create(title="Awa Diop", file=png_file("awa.png", 800, 600))
    person = PersonFactory(slug="awa-diop", photo=photo)
    SessionSpeakerFactory(session=session, person=person)
    index = SpeakerIndexPage.objects.live().child_of(edition).get()

    own = BeautifulSoup(client.get(f"{index.url}awa-diop/").content, "html.parser")
    img = own.select_one("picture img.person__photo")
    assert (img["width"], img["height"]) == ("240", "240")
    assert not img.has_attr("loading")  # at the top of the page: no lazy loading
    assert {s["type"] for s in img.find_parent("picture").select("source")} == {
        "image/avif",
        "image/webp",
    }
    listed = BeautifulSoup(client.get(session.url).content, "html.parser")
    card = listed.select_one("picture img.person-card__photo")
    assert (card["width"], card["height"], card["loading"]) == ("96", "96", "lazy")
    assert "192w" in card["srcset"]


def picture_html(width, height):
    from django.template import Context, Template

    image = get_image_model().objects.create(
        title="Portrait", file=png_file("portrait.png", width, height)
    )
    template = Template(
        "{% load pictures %}{% responsive_picture image format-{avif,png} fill-{240x300,480x600}"
        ' sizes="240px" alt="" %}'
    )
    return BeautifulSoup(template.render(Context({"image": image})), "html.parser")


def test_a_photo_smaller_than_the_largest_size_asked_gets_no_width_twice(db):
    """The editorial photo of the demo was smaller than 480 × 600: two renditions of the same
    width, a `srcset` the Nu HTML checker refuses. Only distinct widths are offered."""
    small = picture_html(200, 250)  # both renditions 200 px wide
    # One size only: a plain address, and no `sizes` (which needs width descriptors).
    avif = small.select_one("source[type='image/avif']")
    assert " " not in avif["srcset"].strip()
    assert not avif.has_attr("sizes") and not small.img.has_attr("sizes")
    assert small.img["src"].endswith(".png") and not small.img.has_attr("srcset")
    large = picture_html(1000, 1250)
    for source in large.select("source[type='image/avif']") + [large.img]:
        widths = [candidate.split()[1] for candidate in source["srcset"].split(", ")]
        assert widths == ["240w", "480w"]
        assert source["sizes"] == "240px"


def test_a_picture_is_made_once_and_again_when_its_image_changes(db):
    """Six renditions looked up per picture cost milliseconds on every page made without the
    page cache: the HTML is kept, until the image's focal point or file changes."""
    from django.db import connection
    from django.template import Context, Template
    from django.test.utils import CaptureQueriesContext

    image = get_image_model().objects.create(
        title="Affiche", file=png_file("affiche.png", 1600, 900)
    )
    template = Template(
        "{% load pictures %}{% responsive_picture image format-{avif,jpeg} fill-{320x180,640x360}"
        ' sizes="20rem" alt="" %}'
    )
    first = template.render(Context({"image": image}))
    with CaptureQueriesContext(connection) as queries:
        again = template.render(Context({"image": image}))
    assert again == first and len(queries) == 0
    image.focal_point_x, image.focal_point_y = 1500, 100
    image.focal_point_width = image.focal_point_height = 100
    image.save()
    moved = template.render(Context({"image": image}))
    assert moved != first  # other crops, other renditions
    assert "fill-320x180" in moved
