from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"  # wagtail.search is "wagtailsearch"; keep ours explicit
    verbose_name = _("Search")
