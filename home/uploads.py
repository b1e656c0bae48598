"""The image forms of the admin.

SVG images (partner logos) are cleaned on upload: script, event handlers, foreign content
and links to other sites are removed (py-svg-hush, made by Wagtail's maintainers for this),
so a logo shown anywhere, or opened on its own, cannot run anything."""

import hashlib
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

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
    instance.file_hash = hashlib.sha1(cleaned).hexdigest()


class HeaderSize(NamedTuple):
    width: int
    height: int
    frames: int


def header_size(file):
    """The size read from the image's header, however large it claims to be:
    nothing is decoded. Pillow's own guard refuses to open an image past ~180 megapixels,
    which would leave the editor's message without its numbers."""
    import warnings

    from PIL import Image

    file.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        guard = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = None
        try:
            with Image.open(file) as image:
                return HeaderSize(image.size[0], image.size[1], getattr(image, "n_frames", 1))
        finally:
            Image.MAX_IMAGE_PIXELS = guard
            file.seek(0)


class ImageFileField(WagtailImageField):
    """Wagtail's image field, whose refusal of an image with too many pixels always says how
    many it has and how many are allowed."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError as error:
            if error.code != "file_too_many_pixels":
                raise
            width, height, frames = header_size(f)
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": width * height * frames,
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            ) from None


class ImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every image upload form of the admin.

    Replacing the file of an image that live content shows is refused on the field to whoever
    may not publish that content (home/images.py); a replaced original is kept, not deleted.
    """

    def __init__(self, *args, **kwargs):
        self.editing_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Made per form, as Wagtail's is: it reads the limits from the settings.
            field = self.fields["file"]
            self.fields["file"] = ImageFileField(
                label=field.label, required=field.required, widget=field.widget
            )

    def clean(self):
        cleaned = super().clean()
        if self.replaces_file() and self.editing_user is not None:
            from home.images import refusal

            message = refusal(self.editing_user, self.instance, "replace")
            if message:
                self.add_error("file", message)
        return cleaned

    def replaces_file(self):
        return bool(self.instance.pk) and "file" in self.fields and "file" in self.changed_data

    def save(self, commit=True):
        from django.utils import timezone

        from home.images import ReplacedImageFile

        original = self.original_file if self.replaces_file() else None
        if original:
            # Wagtail's form deletes the original file; it is kept for older revisions.
            self.original_file = None
        image = super().save(commit=commit)
        if commit and original:
            image.renditions.all().delete()
            ReplacedImageFile.objects.create(
                image=image,
                file_name=original.name,
                replaced_at=timezone.now(),
                replaced_by=self.editing_user if getattr(self.editing_user, "pk", None) else None,
            )
        return image


def connect():
    """The receiver HomeConfig.ready connects: every image saved is cleaned first."""
    from django.db.models.signals import pre_save

    from wagtail.images import get_image_model

    pre_save.connect(clean_svg, sender=get_image_model(), dispatch_uid="home.clean_svg")
