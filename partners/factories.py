import factory
import wagtail_factories

from home.factories import LocaleMixin

from .models import EditionPartner, Partner, PartnersPage, PartnerTier


class PartnerFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    url = "https://example.org/"
    logo = factory.SubFactory(wagtail_factories.ImageFactory)

    class Meta:
        model = Partner


class PartnerTierFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Niveau {n}")
    order = factory.Sequence(lambda n: 100 + n)

    class Meta:
        model = PartnerTier


class EditionPartnerFactory(LocaleMixin):
    partner = factory.SubFactory(PartnerFactory)
    tier = factory.SubFactory(PartnerTierFactory)
    show_in_footer = True

    class Meta:
        model = EditionPartner


class PartnersPageFactory(wagtail_factories.PageFactory):
    title = "Partenaires"
    slug = "partenaires"

    class Meta:
        model = PartnersPage
