"""The admin home's panel for translators: for each of their languages, the pages and snippets
not translated yet and those to update because the French words changed since, each linked
to where the translator does the work (home/translation/ keeps the statuses), with the number
of strings left to translate in their language."""

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from home.roles import ROOT_DEPTH
from home.translation import OUTDATED, STATUS_LABELS, UNTRANSLATED, source_locale, statuses
from home.translators import SNIPPETS, translator_languages

LIMIT = 200


def work_rows(model, objects, locale, kind, edit_url, start_url):
    """The rows of `objects` (sources of `model`) that need a translator in `locale`: the
    translation's editor when it exists, « Traduire » otherwise."""
    keys = [obj.translation_key for obj in objects]
    state = statuses(model, keys, locale)
    own = model.objects.filter(translation_key__in=keys, locale=locale)
    if issubclass(model, Page):
        own = own.filter(alias_of__isnull=True)
    translated = dict(own.values_list("translation_key", "pk"))
    rows = []
    for obj in objects:
        status = state[obj.translation_key]
        if status not in (UNTRANSLATED, OUTDATED):
            continue
        pk = translated.get(obj.translation_key)
        url = edit_url(pk) if pk is not None else start_url(obj)
        rows.append(
            {
                "key": obj.translation_key,
                "title": str(obj.title if isinstance(obj, Page) else obj),
                "kind": kind,
                "status": status,
                "url": url,
            }
        )
    return rows


def page_work(locale, source):
    pages = list(
        Page.objects.live()
        .filter(locale=source, depth__gt=ROOT_DEPTH, alias_of__isnull=True)
        .order_by("path")
        .only("pk", "title", "translation_key", "path", "content_type")
    )
    return work_rows(
        Page,
        pages,
        locale,
        _("Page"),
        # wagtail-localize opens its translation editor on a translation's edit view.
        lambda pk: reverse("wagtailadmin_pages:edit", args=[pk]),
        lambda page: reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
    )


def snippet_work(locale, source):
    rows = []
    for app_label, model_name in SNIPPETS:
        model = apps.get_model(app_label, model_name)
        rows += work_rows(
            model,
            list(model.objects.filter(locale=source)),
            locale,
            str(model._meta.verbose_name).capitalize(),
            lambda pk, a=app_label, m=model_name: reverse(
                f"wagtailsnippets_{a}_{m}:edit", args=[pk]
            ),
            lambda obj, a=app_label, m=model_name: reverse(
                "wagtail_localize:submit_snippet_translation", args=[a, m, obj.pk]
            ),
        )
    return rows


def strings_left(keys, locale, source):
    """{translation key: number of strings left to translate in `locale`} for the objects
    whose words wagtail-localize captured (its TranslationSource in the `source` locale): the
    source strings with no translation in `locale`, or with a translation in error, as its
    editor counts them (Translation.get_progress). One query for all the keys; an object not
    sent to translation yet has no entry."""
    from wagtail_localize.models import StringSegment, StringTranslation

    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=locale,
        has_error=False,
    )
    counts = (
        StringSegment.objects.filter(source__object_id__in=keys, source__locale=source)
        .values("source__object_id")
        .annotate(left=Count("pk", filter=~Q(Exists(translated))))
        .values_list("source__object_id", "left")
    )
    return dict(counts)


def translation_work(user):
    """[{language, rows: [{title, kind, status, label, url, left}], untranslated, outdated}]
    (`left`: the strings left to translate, None when the words were never sent to
    translation)."""
    source = source_locale()
    if source is None:
        return []
    work = []
    codes = translator_languages(user)
    for locale in Locale.objects.filter(language_code__in=codes).order_by("language_code"):
        rows = page_work(locale, source) + snippet_work(locale, source)
        left = strings_left([row["key"] for row in rows], locale, source)
        for row in rows:
            row["label"] = STATUS_LABELS[row["status"]]
            row["left"] = left.get(row["key"])
        # What changed first: to update before not translated (visitors already read those).
        rows.sort(key=lambda row: (row["status"] != OUTDATED,))
        work.append(
            {
                "language": locale.get_display_name(),
                "code": locale.language_code,
                "rows": rows[:LIMIT],
                "more": max(0, len(rows) - LIMIT),
                "untranslated": sum(1 for r in rows if r["status"] == UNTRANSLATED),
                "outdated": sum(1 for r in rows if r["status"] == OUTDATED),
            }
        )
    return work


class TranslationWorkPanel(Component):
    name = "translation_work"
    template_name = "home/admin/translation_work.html"
    order = 40

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["work"] = translation_work(self.user)
        return context
