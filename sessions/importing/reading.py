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
    try:
        # Formulas are kept as text (data_only=False) so that they can be refused.
        workbook = load_workbook(io.BytesIO(content), data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileRejected(
            [_("This workbook cannot be read (%(error)s).") % {"error": type(error).__name__}]
        ) from error
    sheet = workbook.worksheets[0]
    problems = []
    merged = [str(cells) for cells in sheet.merged_cells.ranges]
    if merged:
        problems.append(
            _("The sheet has merged cells (%(cells)s): unmerge them, one value per cell.")
            % {"cells": ", ".join(merged[:5])}
        )
    table = []
    for row in sheet.iter_rows():
        values = []
        for cell in row:
            if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value[:1] == "="):
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
        raise FileRejected(problems)
    return table


def read_csv(content):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    # French Excel writes « ; », others « , » or tabs: the header line tells which.
    header = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=header.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    problems = []
    for number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            if value.startswith("="):
                problems.append(
                    _(
                        "line %(line)s: column %(column)s holds a formula (%(formula)s); paste "
                        "its value instead."
                    )
                    % {"line": number, "column": index + 1, "formula": value[:40]}
                )
    if problems:
        raise FileRejected(problems)
    return rows


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def to_sheet(table):
    table = [row for row in table]
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
