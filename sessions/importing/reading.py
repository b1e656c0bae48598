"""Step 1: read an uploaded .xlsx or .csv into rows of raw cell values, keyed by column.

A file that cannot be read as a programme raises `FileRejected` with messages for the
editor; nothing about the edition is looked at yet."""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from home.text import CONTROL_CHARACTERS

from .columns import COLUMNS, normalise

EXTENSIONS = (".xlsx", ".csv")


class FileRejected(Exception):
    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = list(messages)


@dataclass
class Row:
    line: int  # as the spreadsheet numbers it: the header is line 1
    values: dict


@dataclass
class Sheet:
    rows: list = field(default_factory=list)
    columns: list = field(default_factory=list)  # the keys found, in the file's order


def max_bytes():
    return getattr(settings, "PROGRAMME_IMPORT_MAX_BYTES", 5 * 1024 * 1024)


# What a programme needs, with room to spare (the 2025 programme has 25 rows of 12 columns):
# anything larger is refused while it is read, before it costs time or memory.
MAX_ROWS = 2000
MAX_CELLS = 50_000
MAX_CELL_LENGTH = 5000
# A workbook is a zip of XML: what it may unpack to (a few kilobytes can unpack to gigabytes).
MAX_UNPACKED_BYTES = 5 * 1024 * 1024
# What a spreadsheet program may run when the file is opened again: refused in a cell's text,
# leading spaces or not (CSV and formula injection).
FORMULA_STARTS = ("=", "+", "-", "@")


def looks_like_formula(value):
    """Whether a spreadsheet would read this text as a formula (a lone « - » is just text)."""
    text = value.strip()
    return len(text) > 1 and text.startswith(FORMULA_STARTS)


class Limits:
    """Counts what is read and refuses the file as soon as it passes a limit."""

    def __init__(self):
        self.cells = 0
        self.rows = 0

    def row(self, values):
        """A row read: only rows with something in them count (a sheet may carry empty,
        formatted rows below the programme)."""
        if all(blank(value) for value in values):
            return
        self.rows += 1
        if self.rows > MAX_ROWS + 1:  # the header line is not a session
            raise FileRejected(
                [
                    _("The file has more than %(count)s rows: a programme has fewer.")
                    % {"count": MAX_ROWS}
                ]
            )

    def cell(self, value, where):
        if blank(value):
            return
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise FileRejected(
                [
                    _("The file has more than %(count)s cells: a programme has fewer.")
                    % {"count": MAX_CELLS}
                ]
            )
        if isinstance(value, str):
            if len(value) > MAX_CELL_LENGTH:
                raise FileRejected(
                    [
                        _("%(where)s holds more than %(count)s characters.")
                        % {"where": where, "count": MAX_CELL_LENGTH}
                    ]
                )
            # As the admin refuses them (home/text.py): PostgreSQL refuses NUL, no export can
            # carry the others; tabs and line breaks are kept.
            if CONTROL_CHARACTERS.search(value):
                raise FileRejected(
                    [
                        _(
                            "%(where)s holds an invisible control character (such as a NUL "
                            "byte): retype its text."
                        )
                        % {"where": where}
                    ]
                )


def check_file(name, size):
    """The checks made before a file is even read: its extension and its size."""
    if not (name or "").lower().endswith(EXTENSIONS):
        raise FileRejected([_("The file must be an Excel workbook (.xlsx) or a CSV file (.csv).")])
    if size > max_bytes():
        raise FileRejected(
            [
                _("The file is too large (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes())}
            ]
        )


def read(name, content):
    """`content` is the file's bytes; `name` its file name (for the extension)."""
    check_file(name, len(content))
    lower = name.lower()
    if not content.strip():
        raise FileRejected([_("The file is empty.")])
    table = read_xlsx(content) if lower.endswith(".xlsx") else read_csv(content)
    return to_sheet(table)


def read_xlsx(content):
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise FileRejected(
            [_("This file is not an Excel workbook (.xlsx): open it in Excel and save it again.")]
        )
    unreadable = FileRejected(
        [_("This workbook cannot be read: open it in Excel and save it again as .xlsx.")]
    )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise unreadable from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileRejected(
            [
                _("This workbook is far larger than a programme once opened (%(size)s).")
                % {"size": filesizeformat(unpacked)}
            ]
        )
    try:
        # Formulas are kept as text (data_only=False) so that they can be refused.
        workbook = load_workbook(io.BytesIO(content), data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise unreadable from error
    sheet = workbook.worksheets[0]
    problems = []
    merged = [str(cells) for cells in sheet.merged_cells.ranges]
    if merged:
        problems.append(
            _("The sheet has merged cells (%(cells)s): unmerge them, one value per cell.")
            % {"cells": ", ".join(merged[:5])}
        )
    limits = Limits()
    table = []
    for row in sheet.iter_rows():
        limits.row([cell.value for cell in row])
        values = []
        for cell in row:
            limits.cell(cell.value, _("cell %(cell)s") % {"cell": cell.coordinate})
            if cell.data_type == "f" or (
                isinstance(cell.value, str) and looks_like_formula(cell.value)
            ):
                problems.append(
                    _(
                        "line %(line)s: cell %(cell)s holds a formula (%(formula)s); paste its "
                        "value instead."
                    )
                    % {"line": cell.row, "cell": cell.coordinate, "formula": str(cell.value)[:40]}
                )
            values.append(cell.value)
        table.append(values)
    if problems:
        raise FileRejected(problems[:50])
    return table


def decode(content):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRejected(
        [
            _(
                "This CSV file is neither UTF-8 nor Windows text: save it again as « CSV UTF-8 » "
                "from your spreadsheet."
            )
        ]
    )


def read_csv(content):
    text = decode(content)
    # French Excel writes « ; », others « , » or tabs: the header line tells which.
    header = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=header.count)
    limits = Limits()
    rows = []
    problems = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            limits.row(row)
            for index, value in enumerate(row):
                limits.cell(
                    value,
                    _("line %(line)s, column %(column)s") % {"line": number, "column": index + 1},
                )
                if looks_like_formula(value):
                    problems.append(
                        _(
                            "line %(line)s: column %(column)s holds a formula (%(formula)s); "
                            "paste its value instead."
                        )
                        % {"line": number, "column": index + 1, "formula": value.strip()[:40]}
                    )
            rows.append(row)
    except csv.Error as error:
        raise FileRejected(
            [
                _(
                    "line %(line)s cannot be read as CSV (a cell too long, or quotes left "
                    "open): check it in your spreadsheet."
                )
                % {"line": reader.line_num}
            ]
        ) from error
    if problems:
        raise FileRejected(problems[:50])
    return rows


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def to_sheet(table):
    table = list(table)
    while table and all(blank(v) for v in table[-1]):
        table.pop()
    if not table or all(blank(v) for v in table[0]):
        raise FileRejected([_("The sheet is empty: the first line must name the columns.")])
    known = {name: column.key for column in COLUMNS for name in column.names()}
    positions = {}
    unknown = []
    for index, header in enumerate(table[0]):
        if blank(header):
            continue
        key = known.get(normalise(header))
        if key is None:
            unknown.append(str(header))
        elif key not in positions:
            positions[key] = index
    missing = [str(c.label) for c in COLUMNS if c.required and c.key not in positions]
    if missing:
        message = _("Columns missing from the first line: %(columns)s.") % {
            "columns": ", ".join(f"« {name} »" for name in missing)
        }
        if unknown:
            message += " " + _("Columns not recognised: %(columns)s.") % {
                "columns": ", ".join(f"« {name} »" for name in unknown)
            }
        raise FileRejected([message])
    sheet = Sheet(columns=list(positions))
    for line, values in enumerate(table[1:], start=2):
        if all(blank(v) for v in values):
            continue
        sheet.rows.append(
            Row(
                line=line,
                values={
                    key: values[index] if index < len(values) else None
                    for key, index in positions.items()
                },
            )
        )
    if not sheet.rows:
        raise FileRejected([_("The sheet has column names but no session.")])
    return sheet
