"""SVG images (partner logos) are cleaned on upload: script, event handlers, foreign content
and links to other sites are removed (py-svg-hush, made by Wagtail's maintainers for this),
so a logo shown anywhere, or opened on its own, cannot run anything."""

import hashlib

from django.core.files.base import ContentFile

from py_svg_hush import filter_svg


def is_svg_upload(image):
    file = image.file
    return (
        bool(file) and not getattr(file, "_committed", True) and file.name.lower().endswith(".svg")
    )


def clean_svg(sender, instance, **kwargs):
    """pre_save of the image model: replace an uploaded SVG's bytes by their cleaned form."""
    if not is_svg_upload(instance):
        return
    file = instance.file
    file.seek(0)
    cleaned = filter_svg(file.read())
    instance.file = ContentFile(cleaned, name=file.name)
    instance.file_size = len(cleaned)
    instance.file_hash = hashlib.sha1(cleaned).hexdigest()  # noqa: S324 (Wagtail's own hash)
