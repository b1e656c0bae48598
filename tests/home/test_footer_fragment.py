"""The footer is made once per edition and language and kept (the ``site_footer`` tag): a
change of what it shows reaches every page at once, with the page cache on or off."""

from django.test import Client

import pytest
from bs4 import BeautifulSoup

from home.models import SiteSettings
from partners.models import Partner

PAGES = ["/fr/2025/programme/seance-ouverture/", "/en/2025/programme/", "/es/2025/"]


@pytest.fixture(params=[0, 600], ids=["page cache off", "page cache on"])
def visitor(request, demo_translated, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    return Client()


def footer(visitor, url):
    response = visitor.get(url)
    assert response.status_code == 200, url
    found = BeautifulSoup(response.content, "html.parser").select_one("footer.site-footer")
    logos = " ".join(img["alt"] for img in found.select("img"))  # a partner is its logo
    return " ".join(found.get_text(" ").split()) + " " + logos


def test_the_organisations_name_reaches_every_footer(visitor):
    for url in PAGES:
        assert "Cités Unies France" in footer(visitor, url)
    settings = SiteSettings.objects.get()
    settings.organisation_name = "Cités Unies France (CUF)"
    settings.save()
    for url in PAGES:
        assert "Cités Unies France (CUF)" in footer(visitor, url), url


def test_a_footer_partners_new_name_reaches_every_page_of_its_edition(visitor):
    before = footer(visitor, PAGES[0])
    partner = Partner.objects.get(name="PLATFORMA", locale__language_code="fr")
    assert "PLATFORMA" in before
    partner.name = "PLATFORMA, coalition européenne"
    partner.save()
    assert "PLATFORMA, coalition européenne" in footer(visitor, PAGES[0])
    english = Partner.objects.get(
        translation_key=partner.translation_key, locale__language_code="en"
    )
    english.name = "PLATFORMA, European coalition"
    english.save()
    assert "PLATFORMA, European coalition" in footer(visitor, PAGES[1])
