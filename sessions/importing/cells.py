"""Reading a spreadsheet cell as the value it means: a day (04/07/2025, « 4 juillet 2025 »,
an Excel serial), a time (9:30, 9h30, a fraction of a day), a choice (a label in any site
language, or its code). A cell that cannot be read raises CellError with the editor's words."""

import datetime
import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .columns import normalise

MONTHS = {
    # French, English and Spanish month names, without accents.
    **dict.fromkeys(["janvier", "january", "enero", "janv", "jan"], 1),
    **dict.fromkeys(["fevrier", "february", "febrero", "fevr", "feb"], 2),
    **dict.fromkeys(["mars", "march", "marzo", "mar"], 3),
    **dict.fromkeys(["avril", "april", "abril", "avr", "apr"], 4),
    **dict.fromkeys(["mai", "may", "mayo"], 5),
    **dict.fromkeys(["juin", "june", "junio", "jun"], 6),
    **dict.fromkeys(["juillet", "july", "julio", "juil", "jul"], 7),
    **dict.fromkeys(["aout", "august", "agosto", "aug"], 8),
    **dict.fromkeys(["septembre", "september", "septiembre", "sept", "sep"], 9),
    **dict.fromkeys(["octobre", "october", "octubre", "oct"], 10),
    **dict.fromkeys(["novembre", "november", "noviembre", "nov"], 11),
    **dict.fromkeys(["decembre", "december", "diciembre", "dec"], 12),
}
EXCEL_EPOCH = datetime.date(1899, 12, 30)


class CellError(Exception):
    pass


def text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_day(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return excel_serial_day(value)
    raw = text(value)
    if re.fullmatch(r"\d{5}(\.0+)?", raw):
        return excel_serial_day(float(raw))
    try:
        return datetime.date.fromisoformat(raw[:10])
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return checked_date(year, month, day, raw)
    day = month = year = None
    for word in normalise(raw).replace(",", " ").split():
        word = word.rstrip(".")
        if word in MONTHS:
            month = MONTHS[word]
        elif re.fullmatch(r"\d{4}", word):
            year = int(word)
        elif re.fullmatch(r"\d{1,2}(er)?", word):
            day = int(re.match(r"\d+", word).group())
        # weekday names (« vendredi ») and « de » are read past
    if day and month and year:
        return checked_date(year, month, day, raw)
    raise CellError(
        _("« %(value)s » is not a date (04/07/2025 or 4 juillet 2025)") % {"value": raw}
    )


def checked_date(year, month, day, raw):
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise CellError(_("« %(value)s » is not a date") % {"value": raw}) from error


def excel_serial_day(serial):
    if not 20000 <= serial <= 80000:
        raise CellError(_("« %(value)s » is not a date") % {"value": text(serial)})
    return EXCEL_EPOCH + datetime.timedelta(days=int(serial))


def parse_time(value):
    if isinstance(value, datetime.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:  # Excel's fraction of a day
        minutes = round(value * 24 * 60)
        return datetime.time(minutes // 60, minutes % 60)
    raw = text(value)
    match = re.fullmatch(r"(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?(?::\d{2})?", raw)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if hours < 24 and minutes < 60:
            return datetime.time(hours, minutes)
    raise CellError(_("« %(value)s » is not a time (9:30 or 9h30)") % {"value": raw})


def choice_lookup(choices, extra=()):
    """Normalised label (in every site language) or code -> code."""
    found = {}
    for code, label in choices:
        found[normalise(code)] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                found[normalise(str(label)).strip("«» ")] = code
    for name, code in extra:
        found[normalise(name)] = code
    return found
