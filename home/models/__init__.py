"""The base's models: BasePage (every public page), the home and standard pages, the site
settings, the translatable snippet base and the translation statuses."""

from home.images import ReplacedImageFile  # noqa: F401 (the model is registered here)
from home.text import tel_href, validate_phone  # noqa: F401 (migrations name home.models.validate_phone)
from home.translation import TranslationStatus  # noqa: F401 (the model is registered here)

from .base import BasePage, RoutableBasePageMixin
from .pages import HomePage, StandardPage
from .rows import InlineRow, once_per_parent
from .settings import SiteSettings, SocialLinkBlock, SocialPlatform
from .snippets import TranslatableSnippet, hide_drafts, shown, shown_rows

__all__ = [
    "BasePage",
    "HomePage",
    "InlineRow",
    "RoutableBasePageMixin",
    "SiteSettings",
    "SocialLinkBlock",
    "SocialPlatform",
    "StandardPage",
    "TranslatableSnippet",
    "hide_drafts",
    "once_per_parent",
    "shown",
    "shown_rows",
]
