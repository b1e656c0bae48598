"""A translator's translation editor shows the French page a highlight links to (« Page
liée »): the admin API answers them for French pages, still not for other languages'."""

import json

from django.contrib.auth.models import Group

from wagtail.models import Page


def test_a_translator_reads_the_french_linked_page_and_nothing_more(
    client, demo_translated, django_user_model
):
    user = django_user_model.objects.create_user(username="translator-en", password="x" * 16)
    user.groups.add(Group.objects.get(name="Traducteurs EN"))
    client.force_login(user)
    french = Page.objects.get(slug="relais-de-la-coop-dec", locale__language_code="fr")
    response = client.get(f"/admin/api/main/pages/{french.pk}/")
    assert response.status_code == 200
    assert json.loads(response.content)["title"] == french.title
    spanish = Page.objects.filter(locale__language_code="es", depth__gt=2).first()
    assert client.get(f"/admin/api/main/pages/{spanish.pk}/").status_code in (302, 404)
    # An editor of no language sees what Wagtail gives them, unchanged.
    editor = django_user_model.objects.create_user(username="nobody", password="x" * 16)
    client.force_login(editor)
    assert client.get(f"/admin/api/main/pages/{french.pk}/").status_code in (302, 403, 404)
