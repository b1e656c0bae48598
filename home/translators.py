"""Translator groups, one per translated language (« Traducteurs EN », « Traducteurs ES »…),
made from settings.LANGUAGES so that a fourth language brings its own group.

A translator may edit and publish the pages of their language's tree and the translations of
the snippets in their language; never the French source, never another language."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from home.roles import HOME_DEPTH

GROUP_PREFIX = "Traducteurs"
PAGE_PERMISSIONS = ["change_page", "publish_page"]
# Translatable snippets a translator translates and publishes (their change and publish
# permissions, narrowed to the translator's languages by the admin guards,
# home/wagtail_hooks.py and home/admin/snippets.py): a translation holds words only, its facts
# are the French's, and its pages show it only once the French is live too.
SNIPPET_ACTIONS = ("change", "publish")
SNIPPETS = [
    ("programme", "person"),
    ("programme", "room"),
    ("editions", "venue"),
    ("partners", "partner"),
    ("partners", "partnertier"),
]


def translated_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def group_name(language_code):
    return f"{GROUP_PREFIX} {language_code.upper()}"


def ensure_translator_groups(**kwargs):
    """Create or complete the groups (run after every migrate; idempotent)."""
    if not apps.is_installed("wagtail_localize"):
        return
    from wagtail.models import Locale, Page

    # post_migrate fires once per app: act once every permission involved exists.
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    snippet_permissions = [
        Permission.objects.filter(
            content_type__app_label=app_label, codename=f"{action}_{model}"
        ).first()
        for app_label, model in SNIPPETS
        for action in SNIPPET_ACTIONS
    ]
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    submit = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if (
        admin_access is None
        or submit is None
        or None in snippet_permissions
        or page_permissions.count() < 2
    ):
        return
    # Locales follow settings.LANGUAGES: a new language needs no admin step.
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    for code in translated_languages():
        group, _ = Group.objects.get_or_create(name=group_name(code))
        # submit_translation lets them sync a translation with its updated source.
        group.permissions.add(admin_access, submit, *snippet_permissions)
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        for root in Page.objects.filter(depth=HOME_DEPTH, locale=locale):
            grant_tree(root, group)


def grant_tree(root, group=None):
    """Let the language's translators edit and publish the pages below this home page."""
    from wagtail.models import GroupPagePermission

    if group is None:
        group = Group.objects.filter(name=group_name(root.locale.language_code)).first()
        if group is None:
            return
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def translator_languages(user):
    """The languages a translator is limited to, or None when the user is not limited.
    Read once per request's user object (permission checks ask it for every page)."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if not hasattr(user, "_translator_languages"):
        names = set(user.groups.values_list("name", flat=True))
        codes = {code for code in translated_languages() if group_name(code) in names}
        user._translator_languages = frozenset(codes) or None
    return user._translator_languages


def translator_locale_ids(user):
    """translator_languages() as Locale ids, or None."""
    languages = translator_languages(user)
    if languages is None:
        return None
    if not hasattr(user, "_translator_locale_ids"):
        from wagtail.models import Locale

        user._translator_locale_ids = frozenset(
            Locale.objects.filter(language_code__in=languages).values_list("id", flat=True)
        )
    return user._translator_locale_ids


def may_touch(user, obj):
    """Whether a (possibly translator) user may edit this translatable object."""
    languages = translator_languages(user)
    if languages is None:
        return True
    locale = getattr(obj, "locale", None)
    return locale is not None and locale.language_code in languages


def grant_new_home(sender, instance, **kwargs):
    """A home page published in another language lets that language's translators in."""
    if instance.depth == HOME_DEPTH:
        grant_tree(instance)


def connect():
    """The receivers HomeConfig.ready connects: the translators' groups after every
    migration, a new language's home page granted to its translators."""
    from django.db.models.signals import post_migrate

    from wagtail.signals import page_published

    post_migrate.connect(ensure_translator_groups, dispatch_uid="home.translator_groups")
    page_published.connect(grant_new_home, dispatch_uid="home.grant_new_home")
