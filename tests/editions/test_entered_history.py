"""What entering past editions in the admin ran into: rows an inline panel held twice, a
stray draft holding a year, child pages missing from the menu, slugs and words."""

import zoneinfo

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.text import slugify

from wagtail.test.utils.form_data import inline_formset

import pytest
from bs4 import BeautifulSoup

from editions.factories import EditionPageFactory
from editions.models import EditionPage, PracticalInfoPage
from home.models import StandardPage
from home.text import short_slug
from partners.factories import PartnerFactory, PartnerTierFactory
from partners.models import EditionPartner
from sessions.factories import PersonFactory, SessionPageFactory
from sessions.models import ProgrammePage, SessionPage, SessionSpeaker
from tests.admin_forms import EDITION_FORM, add_page, field_errors, session_form

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def test_the_database_refuses_a_partner_twice_in_an_edition(edition):
    partner, tier = PartnerFactory(), PartnerTierFactory()
    EditionPartner.objects.create(
        edition=edition, partner=partner, tier=tier, locale=edition.locale
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        EditionPartner.objects.create(
            edition=edition, partner=partner, tier=tier, locale=edition.locale
        )


def test_a_revision_holding_a_partner_twice_publishes_it_once(edition, client):
    """An autosaved revision with the same partner in two rows (wagtail/wagtail#14568)."""
    partner, tier = PartnerFactory(name="PLATFORMA"), PartnerTierFactory()
    draft = edition.get_latest_revision_as_object()
    draft.edition_partners = [
        EditionPartner(partner=partner, tier=tier, locale=edition.locale, sort_order=0),
        EditionPartner(partner=partner, tier=tier, locale=edition.locale, sort_order=1),
    ]
    draft.save_revision().publish()
    assert EditionPartner.objects.filter(edition=edition).count() == 1
    page = BeautifulSoup(client.get(edition.url).content, "html.parser")
    assert len(page.select("footer .logo-list__item")) == 1


def test_every_inline_panel_refuses_a_repeated_row_in_french(admin_client, admin_programme):
    person = PersonFactory(first_name="Awa", last_name="Diop")
    data = session_form()
    data["speakers"] = inline_formset(
        [{"person": person.pk, "role": "speaker", "function": ""}] * 2
    )
    response = add_page(admin_client, admin_programme, SessionPage, data)
    assert response.status_code == 200
    assert "Cette personne figure déjà dans cette séance." in response.content.decode()
    # Not Django's generic words naming the fields (« … en double dans session et person »).
    assert "en double" not in response.content.decode()
    assert not SessionPage.objects.exists()
    assert not SessionSpeaker.objects.exists()


def test_the_inline_rows_that_must_be_unique_are_declared_and_enforced():
    """Every inline panel of the project, checked: what makes its rows unique, in the
    form and in the database."""
    from django.apps import apps

    from wagtail.admin.panels import InlinePanel

    found = {}
    for model in apps.get_models():
        handler = getattr(model, "edit_handler", None) or None
        panels = []
        if handler is not None:
            panels = [p for tab in handler.children for p in getattr(tab, "children", [])]
        panels += list(getattr(model, "content_panels", []))
        for panel in panels:
            if isinstance(panel, InlinePanel):
                related = model._meta.get_field(panel.relation_name).related_model
                found[related._meta.label] = related
    assert set(found) == {
        "partners.EditionPartner",
        "programme.SessionSpeaker",
        "programme.SessionPartner",
        "editions.TransportItem",
        "editions.Contact",
        "editions.UsefulLink",
    }
    for label, model in found.items():
        fields = model.unique_in_parent
        constraint_fields = {
            tuple(c.fields[1:]) for c in model._meta.constraints if hasattr(c, "fields")
        }
        assert tuple(fields) in constraint_fields, label
        assert str(model.duplicate_message).startswith(("This", "Ce", "Cette")), label


def test_a_stray_draft_is_named_with_a_link_to_it(admin_client, home, venue):
    draft = EditionPageFactory(parent=home, year=2022, live=False, title="Essai 2022")
    response = add_page(
        admin_client,
        home,
        EditionPage,
        {**EDITION_FORM, "year": "2022", "start": "01/07/2022 09:00", "end": "01/07/2022 18:00"},
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    wrapper = soup.select_one("[data-field-wrapper]:has(#id_year) .error-message")
    assert "Un brouillon non publié de l'édition 2022 existe déjà" in wrapper.get_text()
    link = wrapper.find("a")
    assert link["href"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert "Essai 2022" in link.get_text()
    # A published edition still gets the short message.
    assert (
        field_errors(add_page(admin_client, home, EditionPage, {**EDITION_FORM, "venue": venue.pk}))
        == {}
    )
    again = add_page(admin_client, home, EditionPage, {**EDITION_FORM, "venue": venue.pk})
    assert field_errors(again)["year"] == ["Une édition existe déjà pour l'année 2026."]


def test_edition_pages_made_in_the_admin_are_in_the_menu(admin_client, edition, client):
    for model in (ProgrammePage, PracticalInfoPage, StandardPage):
        add_form = admin_client.get(
            reverse(
                "wagtailadmin_pages:add",
                args=(model._meta.app_label, model._meta.model_name, edition.pk),
            )
        )
        soup = BeautifulSoup(add_form.content, "html.parser")
        # The box « Afficher dans les menus » is ticked on the new page's form.
        assert soup.select_one("#id_show_in_menus").has_attr("checked"), model
    # Posted as the browser sends the ticked box, the page is in the edition's navigation.
    response = add_page(
        admin_client,
        edition,
        ProgrammePage,
        {"title": "Programme", "slug": "programme", "introduction": "", "show_in_menus": "on"},
    )
    assert response.status_code == 302
    programme = ProgrammePage.objects.get(locale=edition.locale)
    nav = BeautifulSoup(client.get(edition.url).content, "html.parser")
    assert programme.url in [a["href"] for a in nav.select("nav a[href]")]
    # Made in code (the demo, new_edition), it is in the menu too.
    assert PracticalInfoPage(title="Infos").show_in_menus


@pytest.mark.parametrize(
    "title",
    [
        "Atelier : coopération décentralisée, climat et eau potable dans les villes jumelles-",
        "Séance plénière — diplomatie des villes et des territoires, action extérieure - bis",
    ],
)
def test_long_titles_never_make_a_slug_ending_with_a_hyphen(title):
    slug = short_slug(title, 80, "seance")
    assert slug and not slug.endswith("-") and len(slug) <= 80


def test_the_import_slug_of_a_long_title_does_not_end_with_a_hyphen(programme):
    from sessions.importing.planning import Planner
    from sessions.importing.reading import read
    from sessions.importing.writing import Writer
    from tests.helpers import workbook

    title = (
        "Coopération décentralisée et transition écologique des territoires du Sahel : eau, climat"
    )
    assert slugify(title)[:80].endswith("-")  # cut there, the slug would end with a hyphen
    data = workbook(
        ["Référence", "Jour", "Début", "Fin", "Type", "Titre"],
        [["L1", "04/07/2025", "10:00", "11:00", "Atelier", title]],
    )
    plan = Planner(programme).plan(read("p.xlsx", data))
    assert plan.problems == []
    Writer(programme).write(plan)
    slug = SessionPage.objects.get(reference="L1", locale=programme.locale).slug
    assert not slug.endswith("-")


def test_small_words(admin_client, admin_programme):
    session = SessionPageFactory(parent=ProgrammePage.objects.get(pk=admin_programme.pk))
    grid = admin_client.get(reverse("programme_grid", args=[admin_programme.pk]))
    text = BeautifulSoup(grid.content, "html.parser").get_text(" ")
    assert "Publiée" in text and "En ligne" not in text
    assert session.live
    new_edition = admin_client.get(
        reverse("editions_new_edition", args=[admin_programme.get_parent().pk])
    )
    words = BeautifulSoup(new_edition.content, "html.parser").get_text(" ")
    assert "Séances" in words and "Sessions" not in words


# Migrations run on committed tables. serialized_rollback: the flush afterwards must not let
# post_migrate recreate content types under new ids, which a later serialized test (the
# backup's, on PostgreSQL) would collide with when it puts the migrations' data back.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_merges_rows_held_twice_before_refusing_them(edition):
    """The partner an autosave listed twice, and a speaker listed twice, as the database held
    them before the constraints: one row each after `migrate`, the first one, with the
    caption the other had."""
    import uuid

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    programme = edition.add_child(instance=ProgrammePage(title="Programme", slug="programme"))
    session = SessionPageFactory(parent=programme)
    partner, tier, person = PartnerFactory(), PartnerTierFactory(), PersonFactory()
    EditionPartner.objects.create(
        edition=edition, partner=partner, tier=tier, locale=edition.locale, sort_order=0
    )
    SessionSpeaker.objects.create(session=session, person=person, locale=edition.locale)

    executor = MigrationExecutor(connection)
    executor.migrate(
        [("partners", "0002_default_tiers"), ("programme", "0004_session_status_choices")]
    )
    old = (
        MigrationExecutor(connection)
        .loader.project_state(
            [("partners", "0002_default_tiers"), ("programme", "0004_session_status_choices")]
        )
        .apps
    )
    row = old.get_model("partners", "EditionPartner").objects.get()
    row.pk, row.translation_key, row.sort_order = None, uuid.uuid4(), 1
    row.caption = "Le projet PLATFORMA est co-financé par l'Union européenne"
    row.save()
    speaker = old.get_model("programme", "SessionSpeaker").objects.get()
    speaker.pk, speaker.translation_key, speaker.sort_order = None, uuid.uuid4(), 1
    speaker.save()
    assert old.get_model("partners", "EditionPartner").objects.count() == 2

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    (kept,) = EditionPartner.objects.all()
    assert kept.sort_order == 0
    assert kept.caption == "Le projet PLATFORMA est co-financé par l'Union européenne"
    assert SessionSpeaker.objects.count() == 1
