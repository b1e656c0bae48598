from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class HighlightBlock(blocks.StructBlock):
    """One line of the edition's highlights (« Ateliers thématiques », …)."""

    text = blocks.CharBlock(label=_("Text"), max_length=250)
    page = blocks.PageChooserBlock(label=_("Linked page"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Highlight")
        template = "components/streamfield/blocks/highlight_block.html"
        preview_value = {
            "text": "« Cafés des Rencontres » : rendez-vous avec les acteurs de l'AICT"
        }


class HighlightsBlock(blocks.StreamBlock):
    highlight = HighlightBlock()

    class Meta:
        label = _("Highlights")
