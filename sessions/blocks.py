from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import DocumentBlock, ImageBlock, ParagraphBlock, VideoBlock


class ReportBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), default="Compte rendu")
    text = ParagraphBlock(label=_("Report"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Report")
        template = "components/streamfield/blocks/report_block.html"
        preview_value = {
            "title": "Compte rendu",
            "text": "<p>Les participants ont échangé sur la diplomatie des territoires.</p>",
        }


class PhotosBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    images = blocks.ListBlock(ImageBlock(), label=_("Photos"))

    class Meta:
        icon = "image"
        label = _("Photos")
        template = "components/streamfield/blocks/photos_block.html"


class ResourcesStreamBlock(blocks.StreamBlock):
    video = VideoBlock()
    document = DocumentBlock()
    report = ReportBlock()
    photos = PhotosBlock()

    class Meta:
        label = _("Resources")
