import pytest
from bs4 import BeautifulSoup

from partners.factories import (
    EditionPartnerFactory,
    PartnerFactory,
    PartnersPageFactory,
    PartnerTierFactory,
)


@pytest.fixture
def partners(edition):
    organiser = PartnerTierFactory(name="Organisateur", order=1)
    support = PartnerTierFactory(name="Partenaires", order=2)
    EditionPartnerFactory(
        edition=edition,
        partner=PartnerFactory(name="Cités Unies France"),
        tier=organiser,
        show_in_footer=False,
        sort_order=0,
    )
    EditionPartnerFactory(
        edition=edition,
        partner=PartnerFactory(name="PLATFORMA"),
        tier=support,
        caption="Le projet PLATFORMA est co-financé par l’Union européenne",
        sort_order=1,
    )
    EditionPartnerFactory(
        edition=edition, partner=PartnerFactory(name="AFD", logo=None), tier=support, sort_order=2
    )
    return PartnersPageFactory(parent=edition, introduction="Merci à nos partenaires.")


def test_partners_page_groups_by_tier_in_order(client, partners):
    soup = BeautifulSoup(client.get(partners.url).content, "html.parser")
    tiers = soup.select("main .partner-tier")
    assert [t.h2.get_text(strip=True) for t in tiers] == ["Organisateur", "Partenaires"]
    assert tiers[0].find("img", alt="Cités Unies France") is not None
    second = tiers[1]
    assert second.find("img", alt="PLATFORMA") is not None
    assert "Le projet PLATFORMA est co-financé par l’Union européenne" in second.get_text()
    assert "AFD" in second.select_one(".partner-logo__name").get_text()  # no logo: its name


def test_footer_shows_only_footer_logos_under_the_edition_heading(client, partners, edition):
    soup = BeautifulSoup(client.get(edition.url).content, "html.parser")
    footer = soup.select_one(".footer-partners")
    assert footer.h2.get_text(strip=True) == "Avec le concours de"
    assert footer.find("img", alt="PLATFORMA") is not None
    assert footer.find("img", alt="Cités Unies France") is None


def test_partner_reused_across_editions(client, home, venue):
    from editions.factories import EditionPageFactory

    platforma = PartnerFactory(name="PLATFORMA")
    tier = PartnerTierFactory()
    for year in (2024, 2025):
        edition = EditionPageFactory(parent=home, year=year, venue=venue)
        EditionPartnerFactory(edition=edition, partner=platforma, tier=tier)
    assert platforma.editions.count() == 2
    for year in (2024, 2025):
        assert 'alt="PLATFORMA"' in client.get(f"/fr/{year}/").content.decode()
