"""Small demo images drawn at load time with Pillow, so no binary files live in git."""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

PALETTE = ["#1d3a6e", "#00695c", "#8e2442", "#5d4037", "#283593"]


def _font(size):
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def draw_label(text, size=(480, 240), colour="#1d3a6e"):
    """A plain logo-like image: the text centred in white on a coloured ground, as PNG bytes."""
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    font_size = size[1] // 3
    font = _font(font_size)
    while draw.textlength(text, font=font) > size[0] * 0.85 and font_size > 10:
        font_size -= 4
        font = _font(font_size)
    box = draw.textbbox((0, 0), text, font=font)
    x = (size[0] - (box[2] - box[0])) / 2 - box[0]
    y = (size[1] - (box[3] - box[1])) / 2 - box[1]
    draw.text((x, y), text, fill="white", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def get_or_create_image(title, text, size=(480, 240), colour_index=0):
    """The image with this title, drawn and saved the first time only."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        data = draw_label(text, size=size, colour=PALETTE[colour_index % len(PALETTE)])
        filename = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:60] + ".png"
        image = Image(title=title)
        image.file = ImageFile(io.BytesIO(data), name=filename)
        image.save()
    return image


def get_or_create_poster(title, text, colour):
    """An edition's stand-in poster (1600 × 900), its focal point on the words, so that every
    crop (card, sharing image, printed cover) keeps them."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        data = draw_label(text, size=(1600, 900), colour=colour)
        image = Image(title=title, focal_point_x=800, focal_point_y=450)
        image.focal_point_width, image.focal_point_height = 1400, 320
        image.file = ImageFile(
            io.BytesIO(data), name=f"affiche-{text.lower().replace(' ', '-')}.png"
        )
        image.save()
    return image
