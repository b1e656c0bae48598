"""Everything a visitor or an editor reads is translated: the French catalogue is complete,
compiled, and holds every string the templates mark for translation."""

import re

from django.conf import settings
from django.utils import translation

import polib
import pytest

LOCALE_DIR = settings.BASE_DIR / "locale"
TEMPLATE_DIR = settings.BASE_DIR / "templates"
LANGUAGES_WITH_CATALOGUES = [code for code, _name in settings.LANGUAGES]

TRANSLATE = re.compile(r"""\{%\s*(?:translate|trans)\s+(["'])(.+?)\1""")
BLOCK = re.compile(
    r"\{%\s*blocktrans(?:late)?\b([^%]*)%\}(.*?)\{%\s*endblocktrans(?:late)?\s*%\}", re.S
)
INLINE = re.compile(r"""_\((["'])(.+?)\1\)""")


def template_msgids():
    msgids = set()
    for path in TEMPLATE_DIR.rglob("*.html"):
        source = path.read_text()
        msgids.update(m.group(2) for m in TRANSLATE.finditer(source))
        msgids.update(m.group(2) for m in INLINE.finditer(source))
        for options, body in BLOCK.findall(source):
            singular = body.split("{% plural %}")[0]
            msgids.add(
                re.sub(r"\{\{\s*(\w+)\s*\}\}", r"%(\1)s", singular.strip())
                if "trimmed" in options
                else re.sub(r"\{\{\s*(\w+)\s*\}\}", r"%(\1)s", singular)
            )
    return msgids


@pytest.mark.parametrize("language", LANGUAGES_WITH_CATALOGUES)
def test_catalogue_is_complete_and_compiled(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    mo = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    compiled = {entry.msgid: entry.msgstr for entry in mo}
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            assert compiled.get(entry.msgid) == entry.msgstr, f"django.mo is stale: {entry.msgid!r}"


@pytest.mark.parametrize("language", LANGUAGES_WITH_CATALOGUES)
def test_every_template_string_is_in_the_catalogue(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    known = {entry.msgid for entry in po}
    assert len(template_msgids()) > 80  # the scan finds the templates' strings at all
    missing = sorted(template_msgids() - known)
    assert missing == []


def test_model_labels_are_french_in_the_admin_language():
    from editions.models import EditionPage
    from sessions.models import SessionType

    with translation.override("fr"):
        assert (
            str(EditionPage._meta.get_field("registration_opens").verbose_name)
            == "ouverture des inscriptions"
        )
        assert str(SessionType.CAFE.label) == "« Café des Rencontres »"
        assert str(SessionType.B2B.label) == "Rencontres B to B"
