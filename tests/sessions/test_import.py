"""The programme spreadsheet: real .xlsx and .csv files built by the tests, read, checked,
previewed and written (or refused with a French message and nothing written)."""

import datetime
import io
import zoneinfo
from pathlib import Path

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from wagtail.models import Revision

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from partners.factories import PartnerFactory
from sessions.factories import PersonFactory, RoomFactory, SessionPageFactory
from sessions.importing.exporting import export_programme, template_workbook
from sessions.importing.planning import Planner
from sessions.importing.reading import FileRejected, read
from sessions.importing.writing import Writer
from sessions.models import Person, SessionPage
from tests.helpers import workbook

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
HEADERS = [
    "Référence",
    "Jour",
    "Début",
    "Fin",
    "Type",
    "Titre",
    "Salle",
    "Résumé",
    "Intervenants",
    "Partenaires organisateurs",
    "Région du monde ou pays",
    "Langue",
]
WORKSHOP = [
    "A1",
    datetime.date(2025, 7, 4),
    datetime.time(11, 0),
    datetime.time(12, 30),
    "Atelier",
    "Coopération décentralisée et climat",
    "Espace des partenaires",
    "Comment agir ensemble.",
    "Michaël Delafosse | Maire de Montpellier | Modérateur\nAwa Diop | Adjointe au maire de Dakar",
    "PLATFORMA",
    "Afrique de l'Ouest",
    "Français",
]
PLENARY = [
    "P1",
    "04/07/2025",
    "14h00",
    "15h30",
    "Plénière",
    "Plénière de l'après-midi",
    "",
    "",
    "Awa Diop | Adjointe au maire de Dakar | intervenante",
    "",
    "",
    "anglais",
]


def xlsx(rows, headers=HEADERS, setup=None):
    return workbook(headers, rows, setup)


@pytest.fixture
def world(programme, edition, venue):
    """What the file refers to: a room at the venue, a partner, a known speaker."""
    RoomFactory(name="Espace des partenaires", venue=venue)
    PartnerFactory(name="PLATFORMA")
    PersonFactory(first_name="Michaël", last_name="Delafosse", slug="michael-delafosse")
    return programme


def plan_of(programme, content, name="programme.xlsx"):
    with translation.override("fr"):
        return Planner(programme).plan(read(name, content))


def problems_of(programme, content, name="programme.xlsx"):
    return [
        f"ligne {line} : {message}" for line, message in plan_of(programme, content, name).problems
    ]


def rejected(content, name="programme.xlsx"):
    with translation.override("fr"), pytest.raises(FileRejected) as caught:
        read(name, content)
    return " ".join(caught.value.messages)


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


def upload(client, programme, content, name="programme.xlsx", publish=True):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"file": SimpleUploadedFile(name, content)}
    if publish:
        data["publish"] = "on"
    return client.post(reverse("programme_import", args=[programme.pk]), data)


def confirm(client, world, token, publish="1", follow=True):
    """« Confirmer l'import »: the page streamed as the sessions are written, then (as the
    browser does on its closing refresh) the programme with the report."""
    response = client.post(
        reverse("programme_import", args=[world.pk]), {"token": token, "publish": publish}
    )
    assert response.status_code == 200 and response.streaming
    page = b"".join(response.streaming_content).decode()
    soup = BeautifulSoup(page, "html.parser")
    refresh = soup.find("meta", {"http-equiv": "refresh"})["content"]
    done = refresh.split("url=", 1)[1]
    assert done == reverse("programme_import_done", args=[world.pk, token])
    if not follow:
        return soup
    return client.get(done, follow=True)


def test_admin_preview_then_confirm(world, admin_client, client):
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[world.pk]))
    assert reverse("programme_import", args=[world.pk]) in page.content.decode()
    preview = upload(admin_client, world, xlsx([WORKSHOP, PLENARY]))
    soup = BeautifulSoup(preview.content, "html.parser")
    text = " ".join(soup.get_text(" ").split())
    assert "2 séances à créer" in text
    assert "Awa Diop (nouveau)" in text
    assert SessionPage.objects.count() == 0  # nothing before confirming
    token = soup.find("input", {"name": "token"})["value"]
    response = confirm(admin_client, world, token)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=[world.pk])
    assert SessionPage.objects.filter(live=True, locale__language_code="fr").count() == 2
    public = client.get(world.url)
    assert "Coopération décentralisée et climat" in public.content.decode()


def test_admin_preview_lists_problems_without_a_confirm_button(world, admin_client):
    late = list(WORKSHOP)
    late[3] = datetime.time(10, 30)
    soup = BeautifulSoup(upload(admin_client, world, xlsx([late])).content, "html.parser")
    problems = [li.get_text(" ", strip=True) for li in soup.select(".import-problems li")]
    assert problems == ["ligne 2 : La fin doit être postérieure au début."]
    assert soup.find("input", {"name": "token"}) is None


def test_admin_bad_file_message_is_on_the_field(world, admin_client):
    response = upload(admin_client, world, b"%PDF", name="programme.pdf")
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", {"name": "file"}).find_parent(attrs={"data-field": True})
    assert (
        "Le fichier doit être un classeur Excel (.xlsx) ou un fichier CSV (.csv)."
        in field.get_text()
    )


def test_admin_downloads_export_and_template(world, admin_client):
    Writer(world).write(plan_of(world, xlsx([WORKSHOP])))
    export = admin_client.get(reverse("programme_export", args=[world.pk]))
    assert export["Content-Disposition"] == 'attachment; filename="programme-2025.xlsx"'
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[1][0] == "A1"
    template = admin_client.get(reverse("programme_template"))
    book = load_workbook(io.BytesIO(template.content))
    assert [sheet.title for sheet in book.worksheets] == ["Programme", "Mode d'emploi"]


def test_admin_refuses_a_50_megabyte_upload_on_the_field(world, admin_client):
    response = upload(admin_client, world, b"0" * (50 * 1024 * 1024))
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", {"name": "file"}).find_parent(attrs={"data-field": True})
    assert "Le fichier est trop volumineux (50,0\u00a0Mio)" in field.get_text()
    assert SessionPage.objects.count() == 0


def test_planning_queries_do_not_grow_with_the_programme(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for rows in ([WORKSHOP], [WORKSHOP, PLENARY]):
        Writer(world).write(plan_of(world, xlsx(rows)))
        with CaptureQueriesContext(connection) as queries:
            plan = plan_of(world, xlsx(rows))
        assert len(plan.unchanged) == len(rows)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def csv_of(rows, headers=HEADERS):
    return "\n".join(";".join(row) for row in [headers, *rows]).encode()


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


def test_a_redacteur_is_offered_drafts_only_and_the_import_lands(world, client, django_user_model):
    from django.contrib.auth.models import Group

    redactrice = django_user_model.objects.create_user("redactrice", "r@example.org", "x")
    redactrice.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(redactrice)
    url = reverse("programme_import", args=[world.pk])
    form = BeautifulSoup(client.get(url).content, "html.parser")
    assert form.find("input", {"name": "publish"}) is None  # not offered
    assert "un modérateur les publiera" in form.get_text()
    preview = BeautifulSoup(
        upload(client, world, xlsx([WORKSHOP, PLENARY]), publish=True).content, "html.parser"
    )
    text = " ".join(preview.get_text(" ").split())
    assert "Les séances seront publiées" not in text
    assert "Les séances seront enregistrées en brouillon. Un modérateur les publiera." in text
    token = preview.find("input", {"name": "token"})["value"]
    # Even a forged « publish » is read as what the user may do: drafts.
    confirm(client, world, token)
    assert SessionPage.objects.count() == 2
    assert not SessionPage.objects.filter(live=True).exists()


def test_an_unchanged_row_that_matches_a_draft_publishes_it_when_asked(world, admin_client, client):
    """Finding 4 of issue 25: « inchangées » sessions stayed unpublished with « Publier »."""
    # Imported as drafts first (a Rédacteur's import, or « Enregistrer en brouillon »).
    Writer(world, publish=False).write(plan_of(world, xlsx([WORKSHOP, PLENARY])))
    assert not SessionPage.objects.filter(live=True).exists()
    preview = upload(admin_client, world, xlsx([WORKSHOP, PLENARY]))
    soup = BeautifulSoup(preview.content, "html.parser")
    text = " ".join(soup.get_text(" ").split())
    assert "2 inchangées" in text
    assert "Séances inchangées encore en brouillon" in text
    assert "ces brouillons seront publiés avec l'import" in text
    token = soup.find("input", {"name": "token"})["value"]
    response = confirm(admin_client, world, token)
    assert "brouillons publiés : 2" in response.content.decode()
    assert SessionPage.objects.filter(live=True, locale__language_code="fr").count() == 2
    assert "Coopération décentralisée et climat" in client.get(world.url).content.decode()
    # Live and unchanged, a third import touches nothing.
    revisions = Revision.page_revisions.count()
    report = Writer(world, publish=True).write(plan_of(world, xlsx([WORKSHOP, PLENARY])))
    assert (report.unchanged, report.drafts_published) == (2, 0)
    assert Revision.page_revisions.count() == revisions


def test_the_preview_shows_the_conflicts_the_grid_flags_and_still_imports(
    world, venue, admin_client
):
    """A speaker in two rooms at once, and a row in a room another session of the programme
    holds then: listed by line in French, by the grid's rule and words, without stopping
    the import; the grid then flags the same."""
    from sessions.models import Room

    RoomFactory(name="Salle Iéna", venue=venue)
    welcome = SessionPageFactory(
        parent=world,
        title="Accueil des délégations",
        at=(11, 30),
        minutes=30,
        room=Room.objects.get(name="Espace des partenaires"),
    )
    overlapping = list(WORKSHOP)
    overlapping[:4] = ["A2", datetime.date(2025, 7, 4), datetime.time(12, 0), datetime.time(13, 0)]
    overlapping[5:7] = ["Villes et migrations", "Salle Iéna"]
    overlapping[8] = "Awa Diop | Adjointe au maire de Dakar"
    preview = upload(admin_client, world, xlsx([WORKSHOP, overlapping]))
    soup = BeautifulSoup(preview.content, "html.parser")
    conflicts = [li.get_text(" ", strip=True) for li in soup.select(".import-conflicts li")]
    assert conflicts == [
        "ligne 2 : Awa Diop est aussi à « Villes et migrations »",
        "ligne 2 : Même salle au même moment que « Accueil des délégations »",
        "ligne 3 : Awa Diop est aussi à « Coopération décentralisée et climat »",
    ]
    assert soup.select(".import-problems li") == []
    token = soup.find("input", {"name": "token"})["value"]
    response = confirm(admin_client, world, token)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=[world.pk])
    grid = BeautifulSoup(
        admin_client.get(reverse("programme_grid", args=[world.pk])).content, "html.parser"
    )
    workshop = SessionPage.objects.get(reference="A1", locale__language_code="fr")
    flags = [
        li.get_text(" ", strip=True)
        for li in grid.select(f"[data-session='{workshop.pk}'] .grid-flag--conflict")
    ]
    assert sorted(flags) == sorted(message.split(" : ", 1)[1] for message in conflicts[:2])
    assert "Coopération décentralisée et climat" in " ".join(
        grid.select_one(f"[data-session='{welcome.pk}']").get_text(" ").split()
    )


def test_a_cancelled_row_conflicts_with_nothing(world, venue):
    cancelled = list(WORKSHOP)
    cancelled[0] = "A2"
    headers = [*HEADERS, "Statut"]
    plan = plan_of(world, xlsx([[*WORKSHOP, ""], [*cancelled, "Annulée"]], headers=headers))
    assert plan.is_valid and len(plan.creates) == 2
    assert plan.conflicts == []


def test_the_import_leaves_wagtails_reference_index_right(world):
    """The reference index is updated once per page at the end of an import (not on every
    save): it is what Wagtail builds from scratch, so « Utilisation » of a speaker or a
    partner lists every session that names them."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, ReferenceIndex

    def index():
        """The index rows whose source is one of the imported sessions (every language)."""
        pages = [str(pk) for pk in SessionPage.objects.values_list("pk", flat=True)]
        return set(
            ReferenceIndex.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page), object_id__in=pages
            ).values_list("object_id", "to_content_type_id", "to_object_id", "content_path")
        )

    Writer(world, publish=True).write(plan_of(world, xlsx([WORKSHOP, PLENARY])))
    after_import = index()
    awa = Person.objects.get(last_name="Diop", locale=world.locale)
    assert len(list(ReferenceIndex.get_grouped_references_to(awa))) >= 2
    call_command("rebuild_references_index", stdout=io.StringIO())
    assert after_import == index()


def test_the_confirmation_shows_each_session_written_then_goes_on_with_the_report(
    world, admin_client
):
    """Finding 12 of issue 25: « Confirmer l'import » showed nothing until it was done. The
    page arrives as the sessions are written, a line each (the latest shows), then sends the
    browser on to the programme with the report."""
    preview = BeautifulSoup(
        upload(admin_client, world, xlsx([WORKSHOP, PLENARY])).content, "html.parser"
    )
    token = preview.find("input", {"name": "token"})["value"]
    soup = confirm(admin_client, world, token, follow=False)
    assert soup.select_one(".w-header").get_text(" ", strip=True) == "Import en cours"
    assert "2 séances sont en cours d'écriture" in soup.select_one(".import-progress").get_text()
    steps = [li.get_text(" ", strip=True) for li in soup.select("ol.import-steps li")]
    assert steps == [
        "0 séance sur 2 écrite",
        "1 séance sur 2 écrite",
        "2 séances sur 2 écrites",
    ]
    assert soup.select_one("ol.import-steps")["role"] == "status"
    done = admin_client.get(reverse("programme_import_done", args=[world.pk, token]))
    assert done.status_code == 302
    assert done.url == reverse("wagtailadmin_explore", args=[world.pk])
    report = " ".join(
        BeautifulSoup(admin_client.get(done.url).content, "html.parser").get_text(" ").split()
    )
    assert "Programme importé. Séances créées : 2" in report
    # Once shown, the report and the upload are gone: a second visit starts again.
    again = admin_client.get(reverse("programme_import_done", args=[world.pk, token]))
    assert again.url == reverse("programme_import", args=[world.pk])


# Transactional, as in production: closing the response ends the request, which closes the
# connection; serialized_rollback puts back what the migrations made.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_confirmation_stopped_half_way_writes_nothing(world, admin_client):
    """The browser goes away after the first session: the server closes the page's stream,
    and the import's one transaction leaves the programme as it was."""
    preview = BeautifulSoup(
        upload(admin_client, world, xlsx([WORKSHOP, PLENARY])).content, "html.parser"
    )
    token = preview.find("input", {"name": "token"})["value"]
    response = admin_client.post(
        reverse("programme_import", args=[world.pk]), {"token": token, "publish": "1"}
    )
    chunks = iter(response.streaming_content)
    received = b""
    while b"1 s\xc3\xa9ance sur 2" not in received:
        received += next(chunks)
    # As a WSGI server does when the client goes: it closes the response, which also ends
    # the request.
    response.close()
    assert SessionPage.objects.count() == 0
    assert not Person.objects.filter(last_name="Diop").exists()


def test_people_made_by_a_draft_import_go_live_with_their_first_published_session(
    world, client, admin_user, django_user_model
):
    """The year's walk (issue 25): sessions imported as drafts, a Modérateur approved the
    plenary, and its new speaker stayed a hidden draft: « Awa Diop » was missing from the
    public page. The import's author may not publish people (a Rédacteur): they still go."""
    from django.contrib.auth.models import Group

    redactrice = django_user_model.objects.create_user("redactrice", "r@example.org", "x")
    redactrice.groups.add(Group.objects.get(name="Rédacteurs"))
    extra = list(WORKSHOP)
    extra[0], extra[5] = "A2", "Villes et migrations"
    extra[8] = "Jean Martin | Cités Unies France | Intervenant"
    Writer(world, publish=False, user=redactrice).write(
        plan_of(world, xlsx([WORKSHOP, PLENARY, extra]))
    )
    diop = Person.objects.get(last_name="Diop")
    martin = Person.objects.get(last_name="Martin")
    assert not diop.live and not martin.live
    # Someone writes Jean Martin's biography as a draft: that draft waits for its own review.
    edited = martin.get_latest_revision_as_object()
    edited.bio = "Chargé de mission à Cités Unies France."
    edited.save_revision(user=admin_user)

    plenary = SessionPage.objects.get(reference="P1", locale__language_code="fr")
    plenary.get_latest_revision().publish(user=admin_user)
    diop.refresh_from_db()
    assert diop.live
    page = " ".join(
        BeautifulSoup(client.get(plenary.url).content, "html.parser").get_text(" ").split()
    )
    assert "Awa Diop" in page
    assert "Adjointe au maire de Dakar" in page

    migrations = SessionPage.objects.get(reference="A2", locale__language_code="fr")
    migrations.get_latest_revision().publish(user=admin_user)
    martin.refresh_from_db()
    assert not martin.live  # edited since the import: published only by its own review
    page = BeautifulSoup(client.get(migrations.url).content, "html.parser").get_text(" ")
    assert "Jean Martin" not in page
