"""What the next edition's copy must not carry over unseen (editions/copying.py):

- links into the source edition, repointed to their copies (a highlight that linked last
  year's « Relais » page links this year's);
- texts that name the source's year, dates or number (« 4 juillet 2025 », « 16e édition »),
  listed for the editor to review; their translations are not carried over, so that
  translators see them as to be translated again rather than « Traduit »;
- images the copy still shows whose title, file name or description name them (last year's
  poster, « Affiche 2025 »): the copy cannot read a picture, but it can read what names it."""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import override

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

PAGE_LINK = re.compile(r'(<a\b[^>]*\blinktype="page"[^>]*\bid=")(\d+)(")')


# --- links -------------------------------------------------------------------------------------


def repoint_rich_text(html, mapping):
    return PAGE_LINK.sub(
        lambda m: m.group(1) + str(mapping.get(int(m.group(2)), m.group(2))) + m.group(3),
        html or "",
    )


def repoint_block(block, value, mapping):
    """A block's raw value with its page ids (choosers, rich text links) mapped."""
    if value is None:
        return value
    if isinstance(block, blocks.PageChooserBlock):
        return mapping.get(value, value) if isinstance(value, int) else value
    if isinstance(block, blocks.RichTextBlock):
        return repoint_rich_text(value, mapping)
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: repoint_block(block.child_blocks[name], child, mapping)
            if name in block.child_blocks
            else child
            for name, child in value.items()
        }
    if isinstance(block, blocks.ListBlock) and isinstance(value, list):
        return [
            {**item, "value": repoint_block(block.child_block, item["value"], mapping)}
            if isinstance(item, dict) and "value" in item and "type" in item
            else repoint_block(block.child_block, item, mapping)
            for item in value
        ]
    if isinstance(block, blocks.StreamBlock) and isinstance(value, list):
        return [
            {
                **item,
                "value": repoint_block(block.child_blocks[item["type"]], item["value"], mapping),
            }
            if item.get("type") in block.child_blocks
            else item
            for item in value
        ]
    return value


def repoint_links(page, mapping):
    """Point `page`'s links to pages of `mapping` (old id -> new id) at the new pages: page
    choosers and links in rich text, in StreamFields, rich text fields and foreign keys.
    Returns whether anything changed."""
    changed = False
    for field in page._meta.concrete_fields:
        if field.model is Page:
            continue  # Wagtail's own fields (the tree, the locale)
        if isinstance(field, StreamField):
            raw = list(getattr(page, field.name).raw_data)
            new = repoint_block(field.stream_block, raw, mapping)
            if new != raw:
                setattr(page, field.name, new)
                changed = True
        elif isinstance(field, RichTextField):
            old = getattr(page, field.name)
            new = repoint_rich_text(old, mapping)
            if new != (old or ""):
                setattr(page, field.name, new)
                changed = True
        elif isinstance(field, models.ForeignKey) and issubclass(field.related_model, Page):
            target = getattr(page, field.attname)
            if target in mapping:
                setattr(page, field.attname, mapping[target])
                changed = True
    return changed


# --- words of the source's year ---------------------------------------------------------------


@dataclass
class StaleText:
    page: Page
    field: str  # its label, in the editor's words
    excerpt: str


def stale_patterns(source):
    """What names the source edition in French: its year, its number (« 16e », « 16ème »),
    its days (« 4 juillet », « 04/07/2025 »)."""
    words = [rf"\b{source.year}\b"]
    if source.number:
        words.append(rf"\b{source.number}\s?(?:e|è|ème|eme)\b")
    with override("fr"):
        for day in source.days:
            words.append(re.escape(date_format(day, "j F")).replace(r"\ ", r"\s"))
            words.append(re.escape(day.strftime("%d/%m/%Y")))
    return re.compile("|".join(words), re.IGNORECASE)


def text_fields(page):
    """(label, plain text) of the words of `page` that an editor writes."""
    for field in page._meta.concrete_fields:
        if field.model is Page and field.name not in ("title", "seo_title", "search_description"):
            continue
        if isinstance(field, models.SlugField) or field.choices:
            continue
        if isinstance(field, StreamField):
            text = " ".join(
                strip_tags(str(block.render_as_block())) for block in getattr(page, field.name)
            )
        elif isinstance(field, models.CharField | models.TextField):
            text = strip_tags(str(getattr(page, field.name) or ""))
        else:
            continue
        if text.strip():
            yield str(field.verbose_name), " ".join(text.split())


def stale_texts(page, pattern):
    found = []
    for label, text in text_fields(page):
        match = pattern.search(text)
        if match:
            start = max(0, match.start() - 40)
            excerpt = Truncator(text[start:]).chars(120)
            found.append(StaleText(page, label, ("…" if start else "") + excerpt))
    return found


# --- images of the source's year ------------------------------------------------------------


@dataclass
class StaleImage:
    page: Page
    field: str  # its label, in the editor's words
    image: object  # the image model's instance


def image_words(image):
    """What names an image: its title, its file's name, its description (its alt text)."""
    name = image.file.name.rsplit("/", 1)[-1] if image.file else ""
    return " ".join(filter(None, (image.title, name, getattr(image, "description", ""))))


def shown_images(page):
    """(label, image) of the images `page` shows: its image fields and its StreamFields'
    image blocks, at any depth."""
    image_model = get_image_model()
    for field in page._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and issubclass(field.related_model, image_model):
            image = getattr(page, field.name)
            if image is not None:
                yield str(field.verbose_name), image
        elif isinstance(field, StreamField):
            for image in stream_images(getattr(page, field.name)):
                yield str(field.verbose_name), image


def stream_images(value):
    """The images of a StreamField's value (StreamValue, StructValue, list)."""
    children = []
    if hasattr(value, "stream_block"):
        children = [(child.block, child.value) for child in value]
    elif isinstance(value, blocks.StructValue):
        children = [(value.block.child_blocks[name], child) for name, child in value.items()]
    elif isinstance(value, blocks.list_block.ListValue):
        children = [(value.list_block.child_block, child) for child in value]
    for block, child in children:
        if isinstance(block, ImageChooserBlock):
            if child is not None:
                yield child
        else:
            yield from stream_images(child)


def stale_images(page, pattern):
    return [
        StaleImage(page, label, image)
        for label, image in shown_images(page)
        if pattern.search(image_words(image))
    ]
