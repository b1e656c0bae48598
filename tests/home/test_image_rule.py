"""Finding 3 of issue 24: a Rédacteur could replace or delete an image that live pages show,
at once and for good. Now an image the public sees is changed only by whoever may publish
what shows it (home/images.py), at every door, and a replaced original is kept."""

from io import BytesIO

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Revision

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from editions.models import EditionPage
from home.images import ReplacedImageFile
from partners.models import Partner
from tests.helpers import png_file


def png_upload(name, colour):
    data = BytesIO()
    PILImage.new("RGB", (300, 150), colour).save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


@pytest.fixture
def people(db, django_user_model):
    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "redactrice": member("redactrice", "Rédacteurs"),
        "moderatrice": member("moderatrice", "Modérateurs"),
    }


@pytest.fixture
def key_visual(demo):
    """The 2025 edition's key visual, shown by the live edition page in every language."""
    return EditionPage.objects.get(year=2025, locale__language_code="fr").key_visual


def edit(client, image, upload):
    return client.post(
        reverse("wagtailimages:edit", args=(image.pk,)),
        {
            "title": image.title,
            "collection": image.collection_id,
            "tags": "",
            "file": upload,
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
    )


def field_errors(response, name):
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.select_one(f"[data-field-wrapper] #id_{name}")
    wrapper = field.find_parent(attrs={"data-field-wrapper": True}) if field else None
    return wrapper.select_one(".error-message").get_text(" ", strip=True) if wrapper else ""


def test_a_redactrice_cannot_replace_the_file_of_an_image_live_pages_show(
    client, people, key_visual
):
    before = key_visual.file.name
    client.force_login(people["redactrice"])
    response = edit(client, key_visual, png_upload("defaced.png", (255, 0, 0)))
    assert response.status_code == 200
    message = field_errors(response, "file")
    assert "Vous ne pouvez pas remplacer le fichier de cette image" in message
    assert "« Rencontres de l'AICT 2025 » (fr)" in message
    key_visual.refresh_from_db()
    assert key_visual.file.name == before
    assert key_visual.file.storage.exists(before)
    assert not ReplacedImageFile.objects.exists()


def test_a_redactrice_cannot_delete_it_by_any_door(client, people, key_visual):
    client.force_login(people["redactrice"])
    # The image's page says why beforehand, and offers no « Supprimer ».
    page = client.get(reverse("wagtailimages:edit", args=(key_visual.pk,)))
    text = BeautifulSoup(page.content, "html.parser").get_text(" ", strip=True)
    assert "Seul un modérateur peut remplacer le fichier de cette image" in text
    assert reverse("wagtailimages:delete", args=(key_visual.pk,)) not in page.content.decode()
    doors = [
        reverse("wagtailimages:delete", args=(key_visual.pk,)),
        reverse("wagtailimages:delete_multiple", args=(key_visual.pk,)),
        reverse("wagtail_bulk_action", args=("wagtailimages", "image", "delete"))
        + f"?id={key_visual.pk}",
    ]
    for door in doors:
        client.post(door)
        assert get_image_model().objects.filter(pk=key_visual.pk).exists(), door
    assert key_visual.file.storage.exists(key_visual.file.name)


def test_a_partners_logo_counts_too_and_an_unused_image_stays_hers(client, people, demo):
    partner = Partner.objects.filter(locale__language_code="fr", logo__isnull=False).first()
    client.force_login(people["redactrice"])
    response = edit(client, partner.logo, png_upload("logo.png", (0, 0, 0)))
    assert f"« {partner} » (fr)" in field_errors(response, "file")
    # An image nothing live shows: she replaces and deletes it as before.
    mine = get_image_model().objects.create(title="Essai", file=png_file("essai.png"))
    response = edit(client, mine, png_upload("essai-2.png", (0, 255, 0)))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.file.name.endswith(".png") and "essai-2" in mine.file.name
    client.post(reverse("wagtailimages:delete", args=(mine.pk,)))
    assert not get_image_model().objects.filter(pk=mine.pk).exists()


def test_a_moderatrice_may_and_the_original_is_kept_for_older_revisions(client, people, key_visual):
    original = key_visual.file.name
    storage = key_visual.file.storage
    with storage.open(original) as file:
        content = file.read()
    try:
        replace_and_purge(client, people, key_visual, original)
    finally:
        # The demo's pictures are shared by the whole run: the purge deleted a real file,
        # which the rolled back database still names.
        if not storage.exists(original):
            storage.save(original, ContentFile(content))


def replace_and_purge(client, people, key_visual, original):
    client.force_login(people["moderatrice"])
    page = client.get(reverse("wagtailimages:edit", args=(key_visual.pk,)))
    assert "Seul un modérateur" not in page.content.decode()
    response = edit(client, key_visual, png_upload("nouvelle-affiche.png", (0, 128, 0)))
    assert response.status_code == 302
    key_visual.refresh_from_db()
    assert "nouvelle-affiche" in key_visual.file.name
    storage = key_visual.file.storage
    assert storage.exists(original)
    kept = ReplacedImageFile.objects.get(image=key_visual)
    assert kept.file_name == original and kept.replaced_by == people["moderatrice"]
    # The image's page lists it.
    page = client.get(reverse("wagtailimages:edit", args=(key_visual.pk,)))
    assert original.rsplit("/", 1)[-1] in page.content.decode()
    # While the edition's revisions made before the replacement remain, it stays.
    call_command("purge_replaced_images", stdout=BytesIO_text())
    assert storage.exists(original)
    edition_pages = EditionPage.objects.filter(year=2025)
    Revision.page_revisions.filter(object_id__in=[str(p.pk) for p in edition_pages]).filter(
        created_at__lt=kept.replaced_at
    ).update(created_at=kept.replaced_at)
    call_command("purge_replaced_images", stdout=BytesIO_text())
    assert not storage.exists(original)
    assert not ReplacedImageFile.objects.exists()


def BytesIO_text():
    from io import StringIO

    return StringIO()
