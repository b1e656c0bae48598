"""The spreadsheet's columns, named in the editor's language (French first); a file whose
headers are in any of the site's languages is understood."""

import unicodedata

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def normalise(text):
    """Lower case, no accents, single spaces: « Début » and "debut " are the same header."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("’", "'").lower().split())


class Column:
    def __init__(self, key, label, help_text, required=False, example=""):
        self.key = key
        self.label = label
        self.help_text = help_text
        self.required = required
        self.example = example

    def names(self):
        """The header in every site language, normalised, plus the column's key."""
        found = {self.key}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found.add(normalise(str(self.label)))
        return found


COLUMNS = [
    Column(
        "reference",
        pgettext_lazy("spreadsheet column", "Reference"),
        _(
            "A stable reference, unique in the programme (A1, ATELIER-3…): it matches the "
            "session on the next import."
        ),
        required=True,
    ),
    Column(
        "day",
        pgettext_lazy("spreadsheet column", "Day"),
        _("The date: 04/07/2025, 2025-07-04 or « 4 juillet 2025 »."),
        True,
    ),
    Column(
        "start",
        pgettext_lazy("spreadsheet column", "Start"),
        _("The start time: 9:30 or 9h30. Leave Start and End empty when only the day is known."),
        True,
    ),
    Column(
        "end", pgettext_lazy("spreadsheet column", "End"), _("The end time, after the start."), True
    ),
    Column(
        "type",
        pgettext_lazy("spreadsheet column", "Type"),
        _("Workshop, Plenary, Regional meeting… (see the list)."),
        True,
    ),
    Column("title", pgettext_lazy("spreadsheet column", "Title"), _("The session's title."), True),
    Column(
        "room",
        pgettext_lazy("spreadsheet column", "Room"),
        _("A room of the edition's venue, as named in the admin."),
    ),
    Column(
        "summary",
        pgettext_lazy("spreadsheet column", "Summary"),
        _("A few sentences shown on the programme."),
    ),
    Column(
        "speakers",
        pgettext_lazy("spreadsheet column", "Speakers"),
        _(
            "One per line: Name | function | role (speaker, moderator, keynote speaker, "
            "rapporteur)."
        ),
    ),
    Column(
        "partners",
        pgettext_lazy("spreadsheet column", "Organising partners"),
        _("One per line, as named in the admin."),
    ),
    Column(
        "organisers",
        pgettext_lazy("spreadsheet column", "Other organisers"),
        _("Organisations that are not partners of the edition: one per line."),
    ),
    Column(
        "region",
        pgettext_lazy("spreadsheet column", "World region or country"),
        _("For regional meetings: Afrique de l'Ouest…"),
    ),
    Column(
        "language",
        pgettext_lazy("spreadsheet column", "Language"),
        _("The language spoken: French, English, Spanish…"),
    ),
    Column(
        "status",
        pgettext_lazy("spreadsheet column", "Status"),
        _(
            "Empty or Scheduled; Cancelled, Postponed, Rescheduled or Moved online. Without "
            "this column, the sessions keep their status."
        ),
    ),
]

BY_KEY = {column.key: column for column in COLUMNS}
