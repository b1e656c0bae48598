"""Nothing disappears: every live French page has a page in every language, an alias of it
(Wagtail keeps aliases identical to their source) until a translator gives it words."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page

from home.roles import HOME_DEPTH, ROOT_DEPTH

from .facts import is_source, source_locale


def create_missing_aliases(source, revision=None):
    """Every language without a page for the French `source` gets an alias of it (and of its
    parents), announced as published as Wagtail announces the aliases it updates: what a
    publication drops and grants reaches the new page too.

    Not wagtail-localize's locale synchronisation (wagtail_localize.locales): it makes
    aliases when a page is created in the admin (its after_create_page hook) or a
    LocaleSynchronization is saved, for drafts too, and announces nothing; here every
    publication from every door (the admin, the import, a release, the shell) must give each
    language its page, announced as published."""
    from wagtail.signals import page_published

    if not is_source(source):
        return
    have = set(
        Page.objects.filter(translation_key=source.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    for locale in Locale.objects.exclude(pk__in=have):
        alias = source.copy_for_translation(locale, copy_parents=True, alias=True)
        page_published.send(
            sender=alias.specific_class, instance=alias.specific, revision=revision, alias=True
        )


def sync_trees(sender=None, **kwargs):
    """Every live source page has a page in every language (after `migrate`: pages made
    before this rule, or before a language was added)."""
    if sender is not None and sender.name != "home":
        return
    source = source_locale()
    if source is None:
        return
    others = Locale.objects.exclude(pk=source.pk)
    count = others.count()
    if not count:
        return
    from django.db.models import Count

    keys = (
        Page.objects.filter(depth__gt=ROOT_DEPTH)
        .values("translation_key")
        .annotate(n=Count("pk"))
        .filter(n__lt=count + 1)
        .values_list("translation_key", flat=True)
    )
    # Wagtail's « Welcome to your new Wagtail site! » (a plain Page made by its first
    # migration, replaced by the site's home page) is no content to show in every language:
    # copied, it showed in English in the French admin, three times.
    placeholder = ContentType.objects.get_for_model(Page)
    for alias in Page.objects.filter(
        depth=HOME_DEPTH, alias_of__content_type=placeholder, alias_of__depth=HOME_DEPTH, numchild=0
    ):
        alias.delete()
    pages = (
        Page.objects.filter(
            translation_key__in=list(keys), locale=source, live=True, alias_of__isnull=True
        )
        .exclude(content_type=placeholder)
        .order_by("path")
    )
    for page in pages.specific():
        page.update_aliases()  # makes the missing ones too on our pages (BasePage)
        create_missing_aliases(page)
