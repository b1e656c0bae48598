"""Hostile spreadsheets: formulas, control characters, damaged and huge files are refused
with a French message, within seconds, and nothing is written."""

import io

import pytest
from openpyxl import load_workbook

from sessions.factories import SessionPageFactory
from sessions.importing.exporting import export_programme
from tests.sessions.spreadsheets import (
    WORKSHOP,
    csv_of,
    rejected,
    xlsx,
)


@pytest.mark.parametrize("prefix", [" ", "\t", "  \t "])
@pytest.mark.parametrize(
    "formula", ['=HYPERLINK("https://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)"]
)
def test_a_formula_behind_spaces_is_refused(prefix, formula):
    row = [prefix + formula if value == WORKSHOP[5] else str(value) for value in WORKSHOP]
    assert "contient une formule" in rejected(csv_of([row]), "programme.csv")
    xlsx_row = [prefix + formula if value == WORKSHOP[5] else value for value in WORKSHOP]
    assert "contient une formule" in rejected(xlsx([xlsx_row]))


def test_a_title_typed_like_a_formula_is_exported_as_text(world):
    SessionPageFactory(
        parent=world, title='=HYPERLINK("https://evil.example","Cliquez")', slug="piege"
    )
    SessionPageFactory(parent=world, title="@SUM(1)", slug="piege-2")
    book = load_workbook(io.BytesIO(export_programme(world, "fr")))
    sheet = book.worksheets[0]
    titles = {cell.value: cell for cell in sheet["F"][1:]}
    for title in ('=HYPERLINK("https://evil.example","Cliquez")', "@SUM(1)"):
        cell = titles[title]
        assert cell.data_type == "s", title
        assert cell.quotePrefix, title


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            csv_of([["A1", "04/07/2025", "09:00", "10:00", "Atelier", "Caf\x81"]]),
            "ni en UTF-8 ni en texte Windows",
        ),
        (
            csv_of([["A1", "04/07/2025", "09:00", "10:00", "Atelier", "x" * 10_000]]),
            "contient plus de 5000 caractères",
        ),
        (
            csv_of([["A1", "04/07/2025", "09:00", "10:00", "Atelier", "Titre\x00nul"]]),
            "caractère de contrôle invisible",
        ),
        (b'Reference;Titre\n"A1;' + b"x" * 140_000, "ne peut pas être lue comme du CSV"),
    ],
)
def test_bytes_no_programme_holds_get_a_french_message(content, message):
    text = rejected(content.replace("Caf\x81".encode(), b"Caf\x81"), "programme.csv")
    assert message in text
    assert "Error" not in text


def rewritten(content, member, change):
    """The workbook `content` with one of its XML files changed by `change(bytes)`."""
    import zipfile

    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, change(data) if item.filename == member else data)
    return buffer.getvalue()


def test_a_nul_byte_in_a_workbook_is_refused_at_the_preview():
    # openpyxl will not write one: the file is crafted, a NUL in the title's text.
    content = rewritten(
        xlsx([WORKSHOP]),
        "xl/worksheets/sheet1.xml",
        lambda data: data.replace("Coopération".encode(), b"Coop\x00ration"),
    )
    text = rejected(content)
    assert "caractère de contrôle invisible" in text or "Ce classeur ne peut pas être lu" in text
    assert "Error" not in text


@pytest.mark.parametrize("character", ["\x85", "\x9f", "\x7f"])
def test_delete_and_c1_controls_are_refused_in_both_formats(character):
    # Issue 24, 6: no export could carry them; the admin refuses them too (home/text.py).
    row = ["A1", "04/07/2025", "09:00", "10:00", "Atelier", f"Titre{character}caché"]
    text = rejected(csv_of([row]), "programme.csv")
    assert "la ligne 2, colonne 6 contient un caractère de contrôle invisible" in text
    # XML 1.0 lets a workbook carry these as character references (unlike C0 ones).
    reference = f"&#x{ord(character):X};".encode()
    content = rewritten(
        xlsx([WORKSHOP]),
        "xl/worksheets/sheet1.xml",
        lambda data: data.replace("Coopération".encode(), b"Coop" + reference + b"ration"),
    )
    assert "la cellule F2 contient un caractère de contrôle invisible" in rejected(content)


def test_huge_files_are_refused_within_seconds():
    import time

    rows = [["A1", "04/07/2025", "09:00", "10:00", "Atelier", "Titre"]] * 100_000
    started = time.monotonic()
    assert "plus de 2000 lignes" in rejected(csv_of(rows), "programme.csv")
    assert time.monotonic() - started < 5

    # A workbook of a few kilobytes that unpacks to a sheet of millions of cells.
    cells = b'<c r="A1"><v>1</v></c>' * 2_000_000
    bomb = rewritten(
        xlsx([WORKSHOP]),
        "xl/worksheets/sheet1.xml",
        lambda data: data.replace(b"</sheetData>", b'<row r="3">' + cells + b"</row></sheetData>"),
    )
    assert len(bomb) < 2_000_000
    started = time.monotonic()
    assert "bien plus volumineux qu'un programme une fois ouvert" in rejected(bomb)
    assert time.monotonic() - started < 5


def test_a_damaged_workbook_message_names_no_python_class():
    content = xlsx([WORKSHOP])
    damaged = content[:200] + b"\x00" * 50 + content[250:]
    text = rejected(damaged)
    assert "Ce classeur ne peut pas être lu" in text or "n'est pas un classeur Excel" in text
    assert not any(word in text for word in ("Error", "KeyError", "BadZipFile", "Exception"))
