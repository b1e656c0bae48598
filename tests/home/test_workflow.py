"""Editorial roles and moderation: « Rédacteurs » submit, « Modérateurs » publish, both set up
by migration; and a programme released at a scheduled time, sessions and all."""

import datetime
import zoneinfo

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, WorkflowState

import pytest
import time_machine

from sessions.models import SessionPage
from tests.admin_forms import add_page, session_form

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def people(db, django_user_model):
    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "redactrice": member("redactrice", "Rédacteurs"),
        "moderateur": member("moderateur", "Modérateurs"),
        "traductrice": member("traductrice", "Traducteurs EN"),
    }


def test_the_roles_and_the_workflow_come_from_migrations(db):
    from wagtail.models import Workflow

    assert {"Rédacteurs", "Modérateurs"} <= set(Group.objects.values_list("name", flat=True))
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow == Workflow.objects.get(name="Relecture par un modérateur")
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Modérateurs"]


def test_the_permission_matrix(demo_translated, people):
    french = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    english = french.get_translation(french.locale.__class__.objects.get(language_code="en"))
    matrix = {}
    for name, user in people.items():
        fr, en = french.permissions_for_user(user), english.permissions_for_user(user)
        task = french.get_workflow().tasks.get().specific
        matrix[name] = {
            "edit fr": fr.can_edit(),
            "publish fr": fr.can_publish(),
            "edit en": en.can_edit(),
            "publish en": en.can_publish(),
            "approve": bool(task.get_actions(french, user)),
            "people snippets": user.has_perm("programme.change_person"),
            "delete people": user.has_perm("programme.delete_person"),
        }
    assert matrix == {
        "redactrice": {
            "edit fr": True,
            "publish fr": False,
            "edit en": True,
            "publish en": False,
            "approve": False,
            "people snippets": True,
            "delete people": False,
        },
        "moderateur": {
            "edit fr": True,
            "publish fr": True,
            "edit en": True,
            "publish en": True,
            "approve": True,
            "people snippets": True,
            "delete people": True,
        },
        "traductrice": {
            "edit fr": False,
            "publish fr": False,
            "edit en": True,
            "publish en": True,
            "approve": False,
            "people snippets": True,  # narrowed to English by the admin's guards
            "delete people": False,
        },
    }


def test_an_editor_submits_and_a_moderator_publishes(admin_client, admin_programme, people, client):
    client.force_login(people["redactrice"])
    data = {**session_form(), "action-publish": "action-publish"}
    response = add_page(client, admin_programme, SessionPage, data, publish=False)
    assert response.status_code == 302
    session = SessionPage.objects.get(slug="atelier-diplomatie", locale__language_code="fr")
    assert not session.live  # no publish permission: saved as a draft

    edit = reverse("wagtailadmin_pages:edit", args=[session.pk])
    from wagtail.test.utils.form_data import nested_form_data

    lists = {"interpretation_languages": ["en", "es"]}
    form = session_form()
    form.pop("interpretation_languages")
    response = client.post(edit, {**nested_form_data(form), **lists, "action-submit": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(session.pk))
    assert state.status == "in_progress"
    assert not SessionPage.objects.get(pk=session.pk).live

    client.force_login(people["moderateur"])
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[session.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    assert SessionPage.objects.get(pk=session.pk).live
    state.refresh_from_db()
    assert state.status == "approved"


def test_the_programme_is_released_at_the_scheduled_time(demo_translated, admin_client, client):
    from sessions.models import ProgrammePage

    programme = ProgrammePage.objects.get(locale__language_code="fr", url_path__contains="/2025/")
    pages = [programme, *SessionPage.objects.child_of(programme)]
    for page in pages:  # hidden while the programme is prepared
        page.unpublish()
    english = ProgrammePage.objects.get(locale__language_code="en", url_path__contains="/2025/")
    english.unpublish()
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    draft = session.get_latest_revision_as_object()
    draft.title = "Ateliers du matin"
    draft.save_revision()

    release = datetime.datetime(2025, 5, 2, 9, 0, tzinfo=PARIS)
    with time_machine.travel("2025-05-01 12:00 +02:00", tick=False):
        response = admin_client.post(
            reverse("programme_release", args=[programme.pk]),
            {"go_live_at": "02/05/2025 09:00", "translations": "on"},
            follow=True,
        )
        assert "pages seront publiées le" in response.content.decode()
        assert client.get("/fr/2025/programme/").status_code == 404
        call_command("publish_scheduled")
        assert client.get("/fr/2025/programme/").status_code == 404  # not yet

    with time_machine.travel(release + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        assert client.get("/fr/2025/programme/").status_code == 200
        assert client.get("/en/2025/programme/").status_code == 200
        page = client.get("/fr/2025/programme/ateliers-matin/")
        assert page.status_code == 200
        assert "Ateliers du matin" in page.content.decode()  # the latest changes went live
    assert all(p.live for p in SessionPage.objects.child_of(programme))


def test_a_release_in_the_past_is_refused_on_the_field(admin_programme, admin_client):
    with time_machine.travel("2026-05-01 12:00 +02:00", tick=False):
        response = admin_client.post(
            reverse("programme_release", args=[admin_programme.pk]),
            {"go_live_at": "01/04/2026 09:00"},
        )
    assert response.status_code == 200
    assert "Choisissez une date et une heure à venir." in response.content.decode()
