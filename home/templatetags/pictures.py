"""Responsive pictures: Wagtail's `picture`, with distinct widths, its HTML kept in the shared
cache."""

import hashlib
from pathlib import PurePosixPath

from django import template
from django.core.cache import cache
from django.template.base import Token

from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as image_tag_parser

register = template.Library()


class DistinctWidthsPictureNode(PictureNode):
    """Wagtail's `picture`, less the renditions that are no wider than a smaller one of the
    same format: a source image smaller than the largest size asked for gives two renditions
    of the same width, which a `srcset` may not hold (the Nu HTML checker's error)."""

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        if self.output_var_name:
            renditions = distinct_widths(get_renditions_or_not_found(image, self.get_filters()))
            context[self.output_var_name] = Picture(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        # The HTML is a function of the image's file and focal point, the sizes asked and the
        # attributes: made once for every app server (looking up six renditions costs
        # milliseconds a picture, on every render of a page made without the page cache). A
        # replaced file or a moved focal point makes another key, as it makes other renditions.
        key = (
            image.pk,
            image.file.name,
            image.get_focal_point().as_tuple() if image.has_focal_point() else None,
            tuple(self.filter_specs),
            tuple(sorted((name, str(value)) for name, value in attrs.items())),
        )
        html = recalled_picture(key)
        if html is None:
            renditions = distinct_widths(get_renditions_or_not_found(image, self.get_filters()))
            if len(renditions) == len({suffix(r) for r in renditions.values()}):
                # One width per format: a `srcset` of plain addresses, which `sizes` may not
                # go with.
                attrs.pop("sizes", None)
            html = Picture(renditions, attrs).__html__()
            if all(r.file.name != "not-found" for r in renditions.values()):
                remember_picture(key, html)
        return html


# The pictures' HTML, in the shared cache (every app server sees the same), each kept ten
# minutes at most: a replaced file or a moved focal point makes another key; a rendition
# deleted without its image changing (`wagtail_update_image_renditions --purge-only`) is
# asked again by then.
PICTURE_SECONDS = 600


def picture_key(key):
    return "picture:" + hashlib.sha256(repr(key).encode()).hexdigest()


def recalled_picture(key):
    """The HTML kept for `key`, or None."""
    return cache.get(picture_key(key))


def remember_picture(key, html):
    cache.set(picture_key(key), html, PICTURE_SECONDS)


def suffix(rendition):
    return PurePosixPath(rendition.file.name).suffix


def distinct_widths(renditions):
    """{spec: rendition} without a rendition whose format and width an earlier one has."""
    kept, seen = {}, set()
    for spec, rendition in renditions.items():
        key = (suffix(rendition), rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


@register.tag
def responsive_picture(parser, token):
    """`{% responsive_picture image format-{avif,webp,jpeg} fill-{240x300,480x600} … %}`: as
    Wagtail's `picture` tag, whose arguments it takes, with distinct widths."""
    _name, arguments = token.contents.split(None, 1)
    # Wagtail's own parser, given the same arguments under the name of its `picture` tag.
    as_picture = Token(token.token_type, f"picture {arguments}", token.position, token.lineno)
    node = image_tag_parser(parser, as_picture)
    return DistinctWidthsPictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )
