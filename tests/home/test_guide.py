"""The editors' guide in docs/guide/, served in the admin: every page reachable from the
index, every picture it shows present (retaken by the browser tests), nothing else served."""

import re

from django.urls import reverse

from bs4 import BeautifulSoup

from home.admin.guide import GUIDE_DIR


def test_every_task_page_and_picture_is_served(admin_client):
    index = BeautifulSoup(admin_client.get(reverse("admin_guide")).content, "html.parser")
    links = [a["href"] for a in index.select(".guide a") if "/admin/guide/" in a["href"]]
    pages = sorted(p.stem for p in GUIDE_DIR.glob("*.md") if p.stem != "README")
    assert sorted(link.rstrip("/").rsplit("/", 1)[-1] for link in links) == pages
    assert {"nouvelle-edition", "importer-le-programme", "planifier-la-publication"} <= set(pages)
    for link in links:
        page = BeautifulSoup(admin_client.get(link).content, "html.parser")
        assert page.select_one(".guide h1")
        for image in page.select(".guide img"):
            assert image["alt"]
            response = admin_client.get(image["src"])
            assert response.status_code == 200
            assert response["Content-Type"] == "image/png"


def test_the_pictures_named_in_the_guide_exist():
    names = set()
    for path in GUIDE_DIR.glob("*.md"):
        names |= set(re.findall(r"images/([a-z0-9-]+\.png)", path.read_text()))
    assert names == {p.name for p in (GUIDE_DIR / "images").glob("*.png")}


def test_nothing_outside_the_guide_is_served(admin_client):
    assert admin_client.get("/admin/guide/..%2F..%2FREADME/", follow=True).status_code == 404
    assert admin_client.get("/admin/guide/images/..%2Fx.png", follow=True).status_code == 404
    assert (
        admin_client.get(reverse("admin_guide_page", args=["absent"]), follow=True).status_code
        == 404
    )
    admin_client.logout()
    assert admin_client.get(reverse("admin_guide")).status_code == 302  # the admin's login first


def test_the_admin_menu_links_to_the_guide(admin_client):
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("admin_guide") in home
