"""Finding 10 of issue 25: after an import that changed a session's title, its speakers'
functions, which did not change, were « à traduire » again in English and Spanish (the
import made new rows, whose strings are new to the translation editor)."""

import io

from django.utils import translation

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from openpyxl import load_workbook

from sessions.factories import PersonFactory
from sessions.importing.exporting import export_programme
from sessions.importing.planning import Planner
from sessions.importing.reading import read
from sessions.importing.writing import Writer
from sessions.models import SessionPage, SessionSpeaker
from tests.helpers import workbook


def untranslated_paths(page, code):
    source = TranslationSource.objects.get_for_instance(page)
    target = Translation.objects.get(source=source, target_locale__language_code=code)
    segments = StringSegment.objects.filter(source=source).annotate_translation(
        target.target_locale
    )
    return sorted(s.context.path.split(".")[0] for s in segments if s.translation is None)


def translate_functions(page, code):
    """The translator of `code` translated the speakers' functions of `page`."""
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()
    target = Translation.objects.get(source=source, target_locale__language_code=code)
    for segment in StringSegment.objects.filter(
        source=source, context__path__startswith="speakers."
    ).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=target.target_locale,
            context=segment.context,
            data=f"{segment.string.data} ({code})",
        )


def test_an_import_keeps_the_translations_of_what_did_not_change(demo_translated):
    french = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    draft = french.get_latest_revision_as_object()
    draft.speakers = [
        SessionSpeaker(person=PersonFactory(), function=f"Maire de la ville {n}", sort_order=n)
        for n in range(2)
    ]
    draft.save_revision().publish()
    french.refresh_from_db()
    for code in ("en", "es"):
        translate_functions(french, code)
    before = {code: untranslated_paths(french, code) for code in ("en", "es")}
    assert "speakers" not in before["en"] + before["es"]

    programme = french.get_parent().specific
    sheet = load_workbook(io.BytesIO(export_programme(programme))).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    headers, rows = rows[0], rows[1:]
    title = headers.index("Titre")
    for row in rows:
        if row[title] == french.title:
            row[title] = french.title + " (nouveau titre)"
    with translation.override("fr"):
        plan = Planner(programme).plan(read("programme.xlsx", workbook(headers, rows)))
    assert plan.problems == [] and len(plan.updates) == 1
    Writer(programme, publish=True).write(plan)

    french.refresh_from_db()
    assert french.title.endswith("(nouveau titre)")
    for code in ("en", "es"):
        assert untranslated_paths(french, code) == sorted({*before[code], "title"})
