"""The page roles the base works with, without knowing the apps that fill them.

`home` is the base every app builds on, so it imports none of them. Some of its behaviour
still needs "the edition a page belongs to" or "the page types that list sessions": a page
model says which role it plays with a class attribute (``page_role = "edition"``,
``shows_sessions = True``), and the base finds those models through Django's app registry.
"""

from functools import cache

from django.apps import apps

from wagtail.models import Page

# The tree's shape, by depth (Wagtail counts its root as 1): a home page per language, the
# editions below it, each edition's parts (programme, speakers, partners, practical
# information, proceedings) below the edition, the sessions below the programme.
ROOT_DEPTH = 1
HOME_DEPTH = 2
EDITION_DEPTH = 3
EDITION_PART_DEPTH = 4


@cache
def page_models(attribute, value=True):
    """The concrete page models whose class sets `attribute` to `value`."""
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and not model._meta.abstract
        and getattr(model, attribute, None) == value
    )


def page_model(role):
    """The one page model that plays `role` (``page_role``), or None."""
    found = page_models("page_role", role)
    return found[0] if found else None


def edition_model():
    """The page model of an edition (``page_role = "edition"``)."""
    return page_model("edition")
