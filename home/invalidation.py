"""What each change drops from the page cache (cms.page_cache) and purges from the CDN.

A page's cached views carry tags (BasePage.cache_tags): ``page:<translation key>`` for the
page in every language, ``edition:<key>`` for everything on every page of an edition (its
banner, navigation, footer partners), ``sessions:<key>`` for the pages listing its sessions
(edition, programme, speakers, proceedings), ``person:<key>`` for a speaker's own page and
``site`` for all. Each change below marks the tags of what it shows, and nothing else.
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import page_cache

# --- what a change shows up on ---------------------------------------------------------


def edition_keys(paths):
    """Translation keys of the editions above the pages at `paths` (no query per page)."""
    from editions.models import EditionPage

    paths = set(paths)
    if not paths:
        return set()
    prefixes = {
        path[: depth * Page.steplen]
        for path in paths
        for depth in range(1, len(path) // Page.steplen + 1)
    }
    return set(
        EditionPage.objects.filter(path__in=prefixes).values_list("translation_key", flat=True)
    )


def page_tags(page):
    """A page changed (published, unpublished, moved, deleted, restricted)."""
    from sessions.models import SessionPage, SessionSpeaker

    page = page.specific_deferred if type(page) is Page else page
    tags = {f"page:{page.translation_key}"}
    if page.depth <= 3:
        # Home pages (depth 2) and editions (3): editions decide which one is current (the
        # notice on every page of the others) and the home page's archive; the pages beside
        # them are in every language's navigation.
        return tags | {"site"}
    keys = edition_keys([page.path])
    if page.depth == 4:
        # The edition's navigation lists its direct children, on all its pages.
        tags |= {f"edition:{key}" for key in keys}
    if isinstance(page, SessionPage):
        tags |= {f"sessions:{key}" for key in keys}
        # Its speakers' pages list where they speak, in every edition.
        people = SessionSpeaker.objects.filter(session=page).values_list(
            "person__translation_key", flat=True
        )
        tags |= {f"person:{key}" for key in people}
    return tags


def sessions_tags(session_filter):
    """Session pages selected by `session_filter`, and the pages listing them."""
    from sessions.models import SessionPage

    sessions = SessionPage.objects.filter(session_filter).values_list("translation_key", "path")
    tags = {f"page:{key}" for key, _path in sessions}
    tags |= {f"sessions:{key}" for key in edition_keys(path for _key, path in sessions)}
    return tags


def person_tags(person):
    from django.db.models import Q

    from editions.models import EditionPage

    key = person.translation_key
    tags = {f"person:{key}"} | sessions_tags(Q(speakers__person__translation_key=key))
    editorials = EditionPage.objects.filter(editorial_author__translation_key=key)
    tags |= {f"page:{k}" for k in editorials.values_list("translation_key", flat=True)}
    return tags


def partner_tags(partner):
    from django.db.models import Q

    from partners.models import EditionPartner

    key = partner.translation_key
    editions = EditionPartner.objects.filter(partner__translation_key=key).values_list(
        "edition__translation_key", flat=True
    )
    tags = {f"edition:{k}" for k in editions}
    return tags | sessions_tags(Q(organising_partners__partner__translation_key=key))


def editions_tags(edition_filter, scope="edition"):
    from editions.models import EditionPage

    keys = EditionPage.objects.filter(edition_filter).values_list("translation_key", flat=True)
    return {f"{scope}:{key}" for key in keys}


def image_tags(image):
    """An image replaced or deleted: the partners, people and pages that show it."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ReferenceIndex

    from partners.models import Partner
    from sessions.models import Person

    tags = set()
    for partner in Partner.objects.filter(logo=image):
        tags |= partner_tags(partner)
    for person in Person.objects.filter(photo=image):
        tags |= person_tags(person)
    # Pages that show it (editorial photo, images in the body), from Wagtail's reference index.
    page_ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.filter(pk__in=[int(pk) for pk in page_ids])
    tags |= {f"page:{k}" for k in pages.values_list("translation_key", flat=True)}
    return tags


# --- the CDN ---------------------------------------------------------------------------


def pages_for(tags):
    """The live pages whose views carry any of `tags` (for the CDN purge)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    from editions.models import EditionPage
    from sessions.models import SessionPage, SpeakerIndexPage

    if "site" in tags:
        return Page.objects.live()
    query = Q(pk__in=[])
    by_scope = {}
    for tag in tags:
        scope, _sep, key = tag.partition(":")
        by_scope.setdefault(scope, set()).add(key)
    query |= Q(translation_key__in=by_scope.get("page", ()))
    if by_scope.get("person"):
        # A person's page is below the speakers page of each edition where they speak.
        sessions = SessionPage.objects.filter(
            speakers__person__translation_key__in=by_scope["person"]
        ).values_list("path", flat=True)
        speaker_indexes = ContentType.objects.get_for_model(SpeakerIndexPage)
        for edition in EditionPage.objects.filter(translation_key__in=edition_keys(sessions)):
            query |= Q(path__startswith=edition.path, content_type=speaker_indexes)
    for edition in EditionPage.objects.filter(translation_key__in=by_scope.get("edition", ())):
        query |= Q(path__startswith=edition.path)
        # The home page features the current edition.
        query |= Q(depth=2, path=edition.path[: 2 * Page.steplen])
    listing = ContentType.objects.get_for_models(*listing_pages()).values()
    for edition in EditionPage.objects.filter(translation_key__in=by_scope.get("sessions", ())):
        query |= Q(path__startswith=edition.path, content_type__in=listing)
    return Page.objects.live().filter(query)


def listing_pages():
    """The page types that list their edition's sessions (BasePage.shows_sessions)."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "shows_sessions", False)
    ]


def purge_cdn(tags):
    from django.db import transaction

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return

    def purge():
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        batch = PurgeBatch()
        batch.add_pages(pages_for(tags).specific())
        batch.purge()

    transaction.on_commit(purge)


def changed(tags):
    if not tags:
        return
    page_cache.invalidate(tags)
    purge_cdn(tags)


# --- receivers -------------------------------------------------------------------------


@receiver(page_published)
@receiver(page_unpublished)
def on_page_published(sender, instance, **kwargs):
    changed(page_tags(instance))


@receiver(post_page_move)
def on_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    tags = page_tags(instance)
    # Where it was: the lists it left.
    before = edition_keys([parent_page_before.path])
    tags |= {f"sessions:{key}" for key in before} | {f"edition:{key}" for key in before}
    changed(tags)


def object_tags(instance):
    """The tags of what shows `instance` (a snippet, an image, the site settings, a view
    restriction), or an empty set for anything else."""
    from django.db.models import Q

    from editions.models import Venue
    from home.models import SiteSettings
    from partners.models import Partner, PartnerTier
    from sessions.models import Person, Room

    if isinstance(instance, Person):
        return person_tags(instance)
    if isinstance(instance, Partner):
        return partner_tags(instance)
    if isinstance(instance, PartnerTier):
        return editions_tags(Q(edition_partners__tier__translation_key=instance.translation_key))
    if isinstance(instance, Venue):
        key = instance.translation_key
        practical = Page.objects.filter(practicalinfopage__venue__translation_key=key)
        return (
            editions_tags(Q(venue__translation_key=key))
            | editions_tags(Q(venue__translation_key=key), scope="sessions")
            | {f"page:{k}" for k in practical.values_list("translation_key", flat=True)}
        )
    if isinstance(instance, Room):
        return sessions_tags(Q(room__translation_key=instance.translation_key))
    if isinstance(instance, SiteSettings):
        return {"site"}
    if isinstance(instance, PageViewRestriction):
        return page_tags(instance.page)
    if isinstance(instance, get_image_model()):
        return image_tags(instance)
    return set()


@receiver(pre_delete)
def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        if instance.live:
            changed(page_tags(instance))
    else:
        changed(object_tags(instance))


@receiver(post_save)
def on_saved(sender, instance, created=False, **kwargs):
    # Nothing shows what did not exist yet; a new view restriction hides its page.
    if not created or isinstance(instance, PageViewRestriction):
        changed(object_tags(instance))
