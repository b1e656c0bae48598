from django.core.exceptions import ValidationError

import pytest
from bs4 import BeautifulSoup

from editions.factories import PracticalInfoPageFactory, TransportItemFactory
from editions.models import Contact
from home.models import tel_href


@pytest.mark.parametrize(
    ("number", "href"),
    [("+33(0)1 53 41 81 81", "tel:+33153418181"), ("01 53 41 81 81", "tel:0153418181"), ("", "")],
)
def test_tel_links(number, href):
    assert tel_href(number) == href


def test_practical_page(client, edition):
    page = PracticalInfoPageFactory(parent=edition, opening_hours="De 8 h à 18 h.")
    TransportItemFactory(page=page)
    TransportItemFactory(page=page, mode="bus", lines="32, 63, 82", exit="", sort_order=1)
    Contact.objects.create(
        page=page,
        name="Cités Unies France",
        phone="+33(0)1 53 41 81 81",
        email="coop-dec@cites-unies-france.org",
        locale=page.locale,
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    text = " ".join(soup.select_one("main").get_text(" ").split())
    assert "Métro ligne 9 – station Iéna – Sortie Musée Guimet" in text
    assert "Bus n° 32, n° 63, n° 82 – station Iéna" in text
    assert "Parking public : Parking Kléber" in text
    assert soup.select_one('main a[href="tel:+33153418181"]') is not None
    assert soup.select_one('main a[href="mailto:coop-dec@cites-unies-france.org"]') is not None
    venue_link = soup.find("a", string="Voir sur la carte (OpenStreetMap)")
    assert venue_link["href"].startswith("https://www.openstreetmap.org/search?query=")


def test_map_link_uses_coordinates_when_known(venue):
    venue.latitude, venue.longitude = 48.865, 2.294
    assert (
        venue.map_url == "https://www.openstreetmap.org/?mlat=48.865&mlon=2.294#map=18/48.865/2.294"
    )


def test_contact_needs_a_phone_or_an_email(edition):
    from django.utils import translation

    page = PracticalInfoPageFactory(parent=edition)
    contact = Contact(page=page, name="CUF", locale=page.locale)
    with translation.override("fr"), pytest.raises(ValidationError) as caught:
        contact.full_clean()
    assert caught.value.message_dict["email"] == [
        "Saisissez un numéro de téléphone ou une adresse électronique."
    ]
