from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home import visibility
from home.blocks import BodyStreamBlock
from home.models import hide_drafts
from home.roles import page_model

from .base import EditionChildPage


class ProceedingsPage(EditionChildPage):
    """« Actes »: after the event, each session's video, report, documents and photos."""

    page_role = "proceedings"

    shows_sessions = True
    # Not in the edition's menu until the editor ticks it after the event (the edition page
    # links it once the edition is over).
    show_in_menus_default = False

    template = "pages/proceedings_page.html"

    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("introduction"),
    ]

    class Meta:
        verbose_name = _("proceedings page")
        verbose_name_plural = _("proceedings pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sessions = []
        if self.edition is not None:
            sessions = [
                session
                for session in visibility.visible(
                    page_model("session").objects.descendant_of(self.edition), within=self
                )
                .select_related("room")
                .order_by("start", "path")
                if session.resources
            ]
        context["sessions_with_resources"] = hide_drafts(sessions)  # live rooms only
        return context
