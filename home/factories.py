from wagtail.models import Locale

import factory
import wagtail_factories

from .models import HomePage, StandardPage


class LocaleMixin(factory.django.DjangoModelFactory):
    """Objects are made in the source locale unless a test asks for another."""

    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Rencontres de l'action internationale des collectivités territoriales"
    slug = factory.Sequence(lambda n: f"accueil-{n}")
    introduction = "<p>Les Rencontres de l'AICT.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    introduction = "Une page libre."

    class Meta:
        model = StandardPage
