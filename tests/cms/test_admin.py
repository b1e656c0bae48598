"""An editor works in the admin, in French: every page type and snippet can be created and
edited, and bad input gets a French message on the field — never a server error."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from editions.demo.images import draw_label
from editions.models import EditionPage, PracticalInfoPage, ProceedingsPage, Venue
from home.models import SiteSettings, StandardPage
from partners.factories import PartnerFactory, PartnerTierFactory
from partners.models import Partner, PartnersPage, PartnerTier
from sessions.factories import PersonFactory, RoomFactory
from sessions.models import Person, ProgrammePage, Room, SessionPage, SpeakerIndexPage
from tests.admin_forms import EDITION_FORM, add_page, field_errors, session_form


def test_admin_speaks_french(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'lang="fr"' in text
    assert "Tableau de bord" in text
    assert "Personnes" in text  # our own menu items, through our French catalogue
    assert "Lieux" in text


def test_create_every_page_type(admin_client, home, venue):
    response = add_page(admin_client, home, EditionPage, {**EDITION_FORM, "venue": venue.pk})
    assert response.status_code == 302, field_errors(response)
    edition = EditionPage.objects.get(year=2026, locale__language_code="fr")
    assert edition.slug == "2026" and edition.live
    assert edition.start.isoformat() == "2026-07-03T06:00:00+00:00"  # Paris summer time

    simple = {"introduction": "Introduction."}
    for model in (ProgrammePage, SpeakerIndexPage, PartnersPage, ProceedingsPage):
        extra = {"body": streamfield([])} if model is ProceedingsPage else {}
        simple_form = {**simple, **extra}
        response = add_page(
            admin_client,
            edition,
            model,
            {"title": model.__name__, "slug": model.__name__.lower(), **simple_form},
        )
        assert response.status_code == 302, (model, field_errors(response))

    response = add_page(
        admin_client,
        edition,
        PracticalInfoPage,
        {
            "title": "Infos pratiques",
            "slug": "infos-pratiques",
            "introduction": "",
            "parking_name": "Parking Kléber",
            "parking_address": "65 avenue Kléber 75116 Paris",
            "opening_hours": "",
            "accessibility": rich_text(""),
            "transport_items": inline_formset(
                [{"mode": "metro", "lines": "9", "station": "Iéna", "exit": "Sortie Musée Guimet"}]
            ),
            "contacts": inline_formset(
                [
                    {
                        "description": "",
                        "name": "CUF",
                        "phone": "+33(0)1 53 41 81 81",
                        "email": "coop-dec@cites-unies-france.org",
                    }
                ]
            ),
            "links": inline_formset([]),
            "body": streamfield([]),
        },
    )
    assert response.status_code == 302, field_errors(response)
    assert (
        PracticalInfoPage.objects.get(locale__language_code="fr").transport_items.get().station
        == "Iéna"
    )

    for parent in (home, edition):
        response = add_page(
            admin_client,
            parent,
            StandardPage,
            {
                "title": "Relais de la coop déc’",
                "slug": "relais",
                "introduction": "",
                "body": streamfield([("paragraph", rich_text("<p>Merci.</p>"))]),
            },
        )
        assert response.status_code == 302, field_errors(response)

    programme = ProgrammePage.objects.get(locale__language_code="fr")
    person = PersonFactory()
    room = RoomFactory(venue=venue)
    partner = PartnerFactory()
    response = add_page(
        admin_client,
        programme,
        SessionPage,
        session_form(person=person.pk, room=room.pk, partner=partner.pk),
    )
    assert response.status_code == 302, field_errors(response)
    session = SessionPage.objects.get(locale__language_code="fr")
    assert [s.person for s in session.speakers.all()] == [person]
    assert session.speakers.get().function == "Maire de Montpellier"
    assert session.interpretation_languages == ["en", "es"]
    assert admin_client.get(session.url).status_code == 200

    # … and each of them can be edited.
    for page in (
        edition,
        programme,
        session,
        PracticalInfoPage.objects.get(locale__language_code="fr"),
    ):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200


def test_session_ending_before_it_starts_is_refused_in_french(admin_client, admin_programme):
    response = add_page(
        admin_client, admin_programme, SessionPage, session_form(end="03/07/2026 09:00")
    )
    assert response.status_code == 200
    assert field_errors(response)["end"] == ["La fin doit être postérieure au début."]
    assert not SessionPage.objects.exists()


def test_session_outside_the_edition_is_refused_in_french(admin_client, admin_programme):
    response = add_page(
        admin_client,
        admin_programme,
        SessionPage,
        session_form(start="04/07/2026 09:30", end="04/07/2026 11:00"),
    )
    assert response.status_code == 200
    assert field_errors(response)["start"] == [
        "La séance doit avoir lieu le jour de l'édition, le 03/07/2026. Pour un événement en dehors de ces jours, choisissez le type « Événement associé »."
    ]
    assert not SessionPage.objects.exists()


def test_malformed_date_is_refused_in_french(admin_client, admin_programme):
    response = add_page(admin_client, admin_programme, SessionPage, session_form(start="4 juillet"))
    assert response.status_code == 200
    assert field_errors(response)["start"] == ["Saisissez une date et une heure valides."]


def test_edition_with_a_year_already_used_is_refused(admin_client, home, venue):
    assert (
        add_page(admin_client, home, EditionPage, {**EDITION_FORM, "venue": venue.pk}).status_code
        == 302
    )
    response = add_page(
        admin_client, home, EditionPage, {**EDITION_FORM, "slug": "autre", "venue": venue.pk}
    )
    assert response.status_code == 200
    assert field_errors(response)["year"] == ["Une édition existe déjà pour l'année 2026."]
    assert EditionPage.objects.filter(locale__language_code="fr").count() == 1


def test_edition_listing_the_same_partner_twice_is_refused(admin_client, home, venue):
    partner, tier = PartnerFactory(), PartnerTierFactory()
    rows = [{"partner": partner.pk, "tier": tier.pk, "caption": "", "show_in_footer": True}] * 2
    response = add_page(
        admin_client,
        home,
        EditionPage,
        {**EDITION_FORM, "venue": venue.pk, "edition_partners": inline_formset(rows)},
    )
    assert response.status_code == 200
    assert "Ce partenaire figure déjà dans cette édition." in response.content.decode()
    assert not EditionPage.objects.exists()


def snippet_url(model, action, *args):
    return reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}", args=args
    )


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (
            Venue,
            {
                "name": "Pavillon d'Armenonville",
                "street_address": "",
                "postcode": "75116",
                "city": "Paris",
                "country": "France",
                "latitude": "",
                "longitude": "",
                "website": "",
            },
        ),
        (
            Person,
            {
                "first_name": "Michaël",
                "last_name": "Delafosse",
                "slug": "",
                "bio": "Maire de Montpellier.",
            },
        ),
        (Partner, {"name": "PLATFORMA", "url": "", "description": ""}),
        (PartnerTier, {"name": "Partenaires médias", "order": "55"}),
    ],
)
def test_create_and_edit_snippets(admin_client, model, data):
    response = admin_client.post(snippet_url(model, "add"), data)
    assert response.status_code == 302, field_errors(response)
    obj = model.objects.order_by("-pk").first()
    assert admin_client.get(snippet_url(model, "edit", obj.pk)).status_code == 200
    if model is Person:
        assert obj.slug == "michael-delafosse"


def test_room_snippet(admin_client, venue):
    response = admin_client.post(
        snippet_url(Room, "add"),
        {"name": "Étoile 1", "venue": venue.pk, "capacity": "", "description": ""},
    )
    assert response.status_code == 302, field_errors(response)
    assert Room.objects.get().venue == venue


def test_invalid_snippet_gets_french_messages(admin_client):
    response = admin_client.post(
        snippet_url(Venue, "add"),
        {
            "name": "Lieu",
            "city": "Paris",
            "country": "France",
            "latitude": "48.86",
            "longitude": "",
            "website": "pas une adresse",
        },
    )
    assert response.status_code == 200
    errors = field_errors(response)
    assert errors["longitude"] == ["Saisissez la latitude et la longitude, ou aucune des deux."]
    assert errors["website"] == ["Saisissez une URL valide."]
    assert not Venue.objects.exists()


def test_site_settings_are_edited_in_the_admin(admin_client, home):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("home", "sitesettings", site.pk))
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "organisation_name": "Cités Unies France",
            "address": "",
            "phone": "pas un numéro",
            "email": "coop-dec@cites-unies-france.org",
            "website": "",
            "social_links": streamfield(
                [
                    (
                        "account",
                        {
                            "platform": "x",
                            "url": "https://twitter.com/CitesUniesFR",
                            "handle": "@CitesUniesFR",
                        },
                    )
                ]
            ),
            "legal_notice_page": "",
            "privacy_page": "",
            "accessibility_page": "",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert field_errors(response)["phone"] == [
        "Saisissez un numéro de téléphone composé de chiffres, par exemple +33 (0)1 53 41 81 81."
    ]
    data["phone"] = "+33(0)1 53 41 81 81"
    assert admin_client.post(url, data).status_code == 302
    settings_obj = SiteSettings.for_site(site)
    assert settings_obj.phone_href == "tel:+33153418181"
    assert settings_obj.social_links[0].value.platform_label == "X (Twitter)"


def test_image_upload_in_the_admin(admin_client):
    from wagtail.models import Collection

    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Logo",
            "file": SimpleUploadedFile("logo.png", draw_label("CUF"), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, field_errors(response)
    assert get_image_model().objects.filter(title="Logo").exists()


def test_admin_is_french_even_for_an_english_browser(client, editor):
    client.force_login(editor)
    text = client.get(
        reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    ).content.decode()
    assert "Tableau de bord" in text
    client.logout()
    login = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert 'lang="fr"' in login
    assert "S'identifier" in login


def test_an_editor_may_choose_another_admin_language(client, editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    assert "Dashboard" in client.get(reverse("wagtailadmin_home")).content.decode()
