"""The programme back to .xlsx, in the import's columns, so that the file round-trips;
and the empty template with one example row and a sheet explaining each column."""

import datetime
import io

from django.utils import translation
from django.utils.translation import gettext as _

from home.text import printable

from ..models import SessionLanguage, SessionPage, SessionStatus, SessionType, SpeakerRole
from .columns import COLUMNS
from .reading import looks_like_formula

DATE_FORMAT = "DD/MM/YYYY"
TIME_FORMAT = "HH:MM"


def session_rows(programme):
    edition = programme.edition
    sessions = (
        SessionPage.objects.child_of(programme)
        .order_by("start", "path")
        .select_related("room")
        .prefetch_related("speakers__person", "organising_partners__partner")
    )
    types = dict(SessionType.choices)
    languages = dict(SessionLanguage.choices)
    roles = dict(SpeakerRole.choices)
    statuses = dict(SessionStatus.choices)
    for page in sessions:
        page = page.get_latest_revision_as_object()  # the page itself when no draft
        start, end = edition.local(page.start), edition.local(page.end)
        yield {
            "reference": page.reference or page.slug,
            "day": start.date(),
            "start": "" if page.dates_only else start.time().replace(tzinfo=None),
            "end": "" if page.dates_only else end.time().replace(tzinfo=None),
            "type": str(types.get(page.session_type, page.session_type)),
            "title": page.title,
            "room": page.room.name if page.room else "",
            "summary": page.summary,
            "speakers": "\n".join(
                " | ".join([s.person.full_name, s.function, str(roles.get(s.role, s.role))])
                for s in page.speakers.all()
            ),
            "partners": "\n".join(p.partner.name for p in page.organising_partners.all()),
            "organisers": page.other_organisers,
            "region": page.region,
            "language": str(languages.get(page.language, page.language)),
            # The session's own status (an edition's status is the edition's to say).
            "status": str(statuses.get(page.status, page.status)),
        }


def workbook(rows, language="fr", guide=False):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    with translation.override(language):
        book = Workbook()
        sheet = book.active
        sheet.title = _("Programme")[:31]
        sheet.append([str(column.label) for column in COLUMNS])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            # openpyxl refuses control characters (a 500), which older drafts may hold.
            sheet.append([printable(row.get(column.key, "")) for column in COLUMNS])
        for line in sheet.iter_rows(min_row=2):
            for column, cell in zip(COLUMNS, line, strict=True):
                if isinstance(cell.value, str) and looks_like_formula(cell.value):
                    # Text, never a formula (« =HYPERLINK(…) » typed as a title): stored as a
                    # string and marked so that a spreadsheet keeps it text when edited.
                    cell.data_type = "s"
                    cell.quotePrefix = True
                if column.key == "day":
                    cell.number_format = DATE_FORMAT
                elif column.key in ("start", "end"):
                    cell.number_format = TIME_FORMAT
                elif column.key in ("speakers", "partners", "organisers", "summary"):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths = {
            "title": 40,
            "summary": 50,
            "speakers": 50,
            "partners": 30,
            "organisers": 30,
            "room": 24,
        }
        for index, column in enumerate(COLUMNS):
            letter = sheet.cell(row=1, column=index + 1).column_letter
            sheet.column_dimensions[letter].width = widths.get(column.key, 14)
        sheet.freeze_panes = "A2"
        if guide:
            help_sheet = book.create_sheet(_("Instructions")[:31])
            help_sheet.append([_("Column"), _("Required"), _("What to write")])
            for cell in help_sheet[1]:
                cell.font = Font(bold=True)
            for column in COLUMNS:
                help_sheet.append(
                    [str(column.label), _("yes") if column.required else "", str(column.help_text)]
                )
            help_sheet.append([])
            for heading, choices in (
                (_("Session types"), SessionType.choices),
                (_("Roles"), SpeakerRole.choices),
                (_("Languages"), SessionLanguage.choices),
            ):
                help_sheet.append([heading, "", ", ".join(str(label) for _c, label in choices)])
            help_sheet.column_dimensions["A"].width = 28
            help_sheet.column_dimensions["C"].width = 100
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()


def export_programme(programme, language="fr"):
    # The cells' words (types, roles, statuses) in the file's language, whatever the request's.
    with translation.override(language):
        rows = list(session_rows(programme))
    return workbook(rows, language)


EXAMPLE_ROW = {
    "reference": "ATELIER-1",
    "day": datetime.date(2025, 7, 4),
    "start": datetime.time(11, 0),
    "end": datetime.time(12, 30),
    "type": "Atelier",
    "title": "Coopération décentralisée et climat",
    "room": "Espace des partenaires",
    "summary": "Comment les collectivités agissent ensemble pour le climat.",
    "speakers": "Michaël Delafosse | Maire de Montpellier | Modérateur\n"
    "Awa Diop | Adjointe au maire de Dakar | Intervenant",
    "partners": "PLATFORMA",
    "region": "Afrique de l'Ouest",
    "language": "Français",
}


def template_workbook(language="fr"):
    return workbook([EXAMPLE_ROW], language, guide=True)
