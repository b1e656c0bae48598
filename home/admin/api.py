"""The admin API's pages for translators: the French pages they translate from.

wagtail-localize's translation editor shows a linked page (« Page liée ») by asking the admin
API for the page the French source points to. Wagtail answers only with pages the user may
explore, and a translator explores their own language's tree: the French page was « not
found », and the editor stayed on « Récupération des informations… ». Translators read the
French words in that editor anyway; here they may also read the French pages' titles."""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Locale, Page

from home.roles import ROOT_DEPTH
from home.translators import translator_languages


class TranslatorPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if translator_languages(self.request.user):
            queryset = queryset | Page.objects.filter(
                locale=Locale.get_default(), depth__gt=ROOT_DEPTH
            )
        return queryset
