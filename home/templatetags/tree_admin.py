"""Admin helpers: the pages in the other languages that follow a French page when it is
moved or deleted (home/translation/tree.py), for the confirmations that list them."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language_info

from wagtail.models import Page

from home.translation.tree import followers, leads

register = template.Library()


@register.simple_tag
def pages_that_follow(page):
    """[{language, language_code, title, url, edit_url, alias, descendants}] for each page of `page` in the
    other languages; nothing for a page that follows another (it never leads)."""
    if not isinstance(page, Page) or not leads(page):
        return []
    rows = []
    for other in followers(page):
        rows.append(
            {
                # « anglais », « espagnol » in the French admin (Django's own catalogue).
                "language": get_language_info(other.locale.language_code)["name_translated"],
                "language_code": other.locale.language_code,
                "title": other.get_admin_display_title(),
                "url": other.get_url(),
                "edit_url": reverse("wagtailadmin_pages:edit", args=(other.pk,)),
                "alias": bool(other.alias_of_id),
                "descendants": other.get_descendant_count(),
            }
        )
    return rows
