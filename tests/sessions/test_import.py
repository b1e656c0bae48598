"""The programme spreadsheet: real .xlsx and .csv files built by the tests, read, checked,
previewed and written (or refused with a French message and nothing written)."""

import datetime
import io
from pathlib import Path

from django.core.management import CommandError, call_command

from wagtail.models import Revision

import pytest
from openpyxl import load_workbook

from sessions.factories import PersonFactory, SessionPageFactory
from sessions.importing.exporting import export_programme, template_workbook
from sessions.importing.writing import Writer
from sessions.models import Person, SessionPage
from tests.sessions.spreadsheets import (
    HEADERS,
    PARIS,
    PLENARY,
    WORKSHOP,
    plan_of,
    problems_of,
    rejected,
    xlsx,
)


def test_import_creates_sessions_reuses_people_and_changes_nothing_the_second_time(world):
    content = xlsx([WORKSHOP, PLENARY])
    plan = plan_of(world, content)
    assert plan.problems == []
    assert [s.reference for s in plan.creates] == ["A1", "P1"]
    assert plan.new_people == ["Awa Diop"]
    report = Writer(world).write(plan)
    assert (report.created, report.updated, report.people_created) == (2, 0, 1)

    workshop = SessionPage.objects.get(reference="A1", locale__language_code="fr")
    assert workshop.live
    assert workshop.start.astimezone(PARIS) == datetime.datetime(2025, 7, 4, 11, 0, tzinfo=PARIS)
    assert workshop.room.name == "Espace des partenaires"
    assert workshop.session_type == "workshop"
    assert [(s.person.full_name, s.role, s.function) for s in workshop.speakers.all()] == [
        ("Michaël Delafosse", "moderator", "Maire de Montpellier"),
        ("Awa Diop", "speaker", "Adjointe au maire de Dakar"),
    ]
    assert [p.partner.name for p in workshop.organising_partners.all()] == ["PLATFORMA"]
    plenary = SessionPage.objects.get(reference="P1", locale__language_code="fr")
    assert (plenary.session_type, plenary.language, plenary.room) == ("plenary", "en", None)
    assert Person.objects.filter(last_name="Diop").count() == 1  # one person for two sessions

    revisions = Revision.objects.count()
    again = plan_of(world, content)
    assert (len(again.creates), len(again.updates), len(again.unchanged)) == (0, 0, 2)
    Writer(world).write(again)
    assert Revision.objects.count() == revisions
    # Each session exists in French and, untranslated, as an alias in English and Spanish.
    assert SessionPage.objects.filter(locale__language_code="fr").count() == 2
    assert SessionPage.objects.filter(alias_of__isnull=False).count() == 4
    assert Person.objects.count() == 2


def test_a_changed_row_updates_its_session(world):
    Writer(world).write(plan_of(world, xlsx([WORKSHOP])))
    changed = list(WORKSHOP)
    changed[5] = "Climat : les collectivités en première ligne"
    changed[3] = datetime.time(12, 45)
    plan = plan_of(world, xlsx([changed]))
    assert [s.reference for s in plan.updates] == ["A1"]
    assert plan.updates[0].changes == ["titre", "fin"]
    Writer(world).write(plan)
    session = SessionPage.objects.get(reference="A1", locale__language_code="fr")
    assert session.title == "Climat : les collectivités en première ligne"
    assert session.end.astimezone(PARIS).time() == datetime.time(12, 45)


def test_every_problem_is_reported_by_line_and_nothing_is_written(world):
    PersonFactory(first_name="Jean", last_name="Martin", slug="jean-martin-1")
    PersonFactory(first_name="Jean", last_name="Martin", slug="jean-martin-2")
    late = list(WORKSHOP)
    late[2], late[3] = datetime.time(11, 0), datetime.time(10, 30)
    room = list(PLENARY)
    room[0], room[6] = "P2", "Salle Introuvable"
    kind = list(PLENARY)
    kind[0], kind[4] = "P3", "Conférence de presse"
    outside = list(PLENARY)
    outside[0], outside[1] = "P4", "05/07/2025"
    homonym = list(PLENARY)
    homonym[0], homonym[8] = "P5", "Jean Martin | Maire"
    content = xlsx([late, room, kind, outside, homonym, PLENARY])
    assert problems_of(world, content) == [
        "ligne 2 : La fin doit être postérieure au début.",
        "ligne 3 : salle inconnue « Salle Introuvable » (salles du lieu de cette édition : "
        "Espace des partenaires)",
        "ligne 4 : type de séance inconnu « Conférence de presse »",
        "ligne 5 : La séance doit avoir lieu le jour de l'édition, le 04/07/2025. Pour un événement en dehors de ces jours, choisissez le type « Événement associé ».",
        "ligne 6 : le nom d'intervenant « Jean Martin » correspond à 2 personnes",
    ]
    with pytest.raises(ValueError):
        Writer(world).write(plan_of(world, content))
    assert SessionPage.objects.count() == 0


def test_dates_as_french_text_and_as_excel_serials_are_read(world):
    text_date = list(WORKSHOP)
    text_date[1] = "vendredi 4 juillet 2025"
    serial = list(PLENARY)
    serial[1] = 45842  # Excel's day number for 4 July 2025, in a cell not formatted as a date
    serial[2], serial[3] = 0.5833333333, "15:30"  # 14:00 as a fraction of a day
    plan = plan_of(world, xlsx([text_date, serial]))
    assert plan.problems == []
    assert [s.start.astimezone(PARIS) for s in plan.creates] == [
        datetime.datetime(2025, 7, 4, 11, 0, tzinfo=PARIS),
        datetime.datetime(2025, 7, 4, 14, 0, tzinfo=PARIS),
    ]
    bad = list(PLENARY)
    bad[1] = "4 juiller 2025"
    assert problems_of(world, xlsx([bad])) == [
        "ligne 2 : « 4 juiller 2025 » n'est pas une date (04/07/2025 ou 4 juillet 2025)"
    ]


def test_a_csv_from_french_excel_is_read(world):
    lines = [";".join(HEADERS), ";".join(str(v) for v in PLENARY)]
    content = "\r\n".join(lines).encode("cp1252")
    plan = plan_of(world, content, "programme.csv")
    assert plan.problems == []
    assert plan.creates[0].title == "Plénière de l'après-midi"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "programme.pdf",
            b"%PDF-1.4",
            "Le fichier doit être un classeur Excel (.xlsx) ou un fichier CSV",
        ),
        ("programme.xlsx", b"Reference;Day\nA1;2025", "Ce fichier n'est pas un classeur Excel"),
        ("programme.xlsx", b"", "Le fichier est vide."),
        (
            "programme.xlsx",
            xlsx([["A1", "Atelier"]], headers=["Référence", "Titre"]),
            "Colonnes absentes de la première ligne : « Jour », « Début », « Fin », « Type ».",
        ),
        ("programme.xlsx", xlsx([], headers=None), "La feuille est vide"),
        (
            "programme.xlsx",
            xlsx([]),
            "La feuille nomme les colonnes mais ne contient aucune séance.",
        ),
        (
            "programme.xlsx",
            xlsx([WORKSHOP], setup=lambda s: s.__setitem__("D2", "=C2+TIME(1,30,0)")),
            "ligne 2 : la cellule D2 contient une formule (=C2+TIME(1,30,0))",
        ),
        (
            "programme.xlsx",
            xlsx([WORKSHOP, PLENARY], setup=lambda s: s.merge_cells("B2:B3")),
            "La feuille contient des cellules fusionnées (B2:B3)",
        ),
        (
            "programme.csv",
            ("\n".join([";".join(HEADERS), "A1;=1+1"])).encode(),
            "ligne 2 : la colonne 2 contient une formule (=1+1)",
        ),
    ],
)
def test_bad_files_get_a_clear_message(name, content, message):
    assert message in rejected(content, name)


def test_a_50_megabyte_file_is_refused_before_it_is_read():
    assert "Le fichier est trop volumineux (50,0\u00a0Mio) ; la limite est de 5,0\u00a0Mio." in (
        rejected(b"0" * (50 * 1024 * 1024))
    )


def test_import_export_import_round_trip(world):
    Writer(world).write(plan_of(world, xlsx([WORKSHOP, PLENARY])))
    exported = export_programme(world)
    rows = list(load_workbook(io.BytesIO(exported)).active.iter_rows(values_only=True))
    partners = HEADERS.index("Partenaires organisateurs") + 1
    assert rows[0] == (*HEADERS[:partners], "Autres organisateurs", *HEADERS[partners:], "Statut")
    assert rows[1][:6] == (
        "A1",
        datetime.datetime(2025, 7, 4),
        datetime.time(11, 0),
        datetime.time(12, 30),
        "Atelier",
        "Coopération décentralisée et climat",
    )
    assert rows[1][8] == (
        "Michaël Delafosse | Maire de Montpellier | Modérateur·rice\n"
        "Awa Diop | Adjointe au maire de Dakar | Intervenant·e"
    )
    again = plan_of(world, exported)
    assert again.problems == []
    assert len(again.unchanged) == 2 and not again.creates and not again.updates


def test_sessions_entered_in_the_admin_round_trip_by_their_slug(world):
    SessionPageFactory(parent=world, slug="accueil", title="Accueil", at=(8, 0))
    plan = plan_of(world, export_programme(world))
    assert [s.existing.slug for s in plan.unchanged] == ["accueil"]


def test_the_template_in_docs_is_the_one_the_admin_serves(world):
    documented = Path(__file__).resolve().parents[2] / "docs" / "modele-programme.xlsx"

    def cells(content):
        book = load_workbook(io.BytesIO(content))
        return [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]

    assert cells(documented.read_bytes()) == cells(template_workbook("fr"))
    # Its example row is a valid programme row for the demo's venue and partner.
    plan = plan_of(world, template_workbook("fr"))
    assert [(s.reference, s.title) for s in plan.creates] == [
        ("ATELIER-1", "Coopération décentralisée et climat")
    ]


# --- the command ---------------------------------------------------------------------------


def test_the_command_previews_with_dry_run_then_imports(world, tmp_path, capsys):
    path = tmp_path / "programme.xlsx"
    path.write_bytes(xlsx([WORKSHOP, PLENARY]))
    call_command("import_programme", str(path), "--edition", "2025", "--dry-run")
    out = capsys.readouterr().out
    assert "+ A1: Coopération décentralisée et climat" in out
    assert "2 to create, 0 to update, 0 unchanged, 0 problem(s)." in out
    assert SessionPage.objects.count() == 0
    call_command("import_programme", str(path), "--edition", "2025", "--draft")
    out = capsys.readouterr().out
    assert "[##############################] 2/2" in out
    assert "2 created, 0 updated, 0 unchanged, 1 new people." in out
    assert not SessionPage.objects.filter(live=True).exists()


def test_the_command_reports_problems_in_french_and_writes_nothing(world, tmp_path, capsys):
    late = list(WORKSHOP)
    late[3] = datetime.time(10, 30)
    path = tmp_path / "programme.xlsx"
    path.write_bytes(xlsx([late]))
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_programme", str(path), "--edition", "2025")
    assert "ligne 2 : La fin doit être postérieure au début." in capsys.readouterr().err
    assert SessionPage.objects.count() == 0


# --- the admin -----------------------------------------------------------------------------
