"""The import through the admin: the preview, « Confirmer l'import » and its progress, the
Rédacteur's drafts, conflicts, publishing, and a confirmation stopped half way."""

import datetime
import io

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Revision

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from sessions.factories import RoomFactory, SessionPageFactory
from sessions.importing.writing import Writer
from sessions.models import Person, SessionPage
from tests.sessions.spreadsheets import (
    HEADERS,
    PLENARY,
    WORKSHOP,
    confirm,
    plan_of,
    upload,
    xlsx,
)


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
