"""The page tree of DESIGN.md: what goes where, one factory per page model, every page renders."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

import pytest

from editions.factories import EditionPageFactory, PracticalInfoPageFactory, ProceedingsPageFactory
from editions.models import EditionPage, PracticalInfoPage, ProceedingsPage
from home.factories import HomePageFactory, StandardPageFactory
from home.models import HomePage, StandardPage
from partners.factories import PartnersPageFactory
from partners.models import PartnersPage
from sessions.factories import (
    ProgrammePageFactory,
    SessionPageFactory,
    SpeakerIndexPageFactory,
)
from sessions.models import ProgrammePage, SessionPage, SpeakerIndexPage

FACTORIES = {
    HomePage: HomePageFactory,
    StandardPage: StandardPageFactory,
    EditionPage: EditionPageFactory,
    PracticalInfoPage: PracticalInfoPageFactory,
    ProceedingsPage: ProceedingsPageFactory,
    ProgrammePage: ProgrammePageFactory,
    SessionPage: SessionPageFactory,
    SpeakerIndexPage: SpeakerIndexPageFactory,
    PartnersPage: PartnersPageFactory,
}


def test_every_page_model_has_a_factory():
    ours = {
        m
        for m in get_page_models()
        if m._meta.app_label in {"home", "editions", "programme", "partners"}
    }
    assert ours == set(FACTORIES)


@pytest.mark.django_db
class TestPageTree(WagtailPageTestCase):
    def test_home_is_created_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(EditionPage, HomePage)

    def test_edition_lives_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, EditionPage)
        self.assertCanNotCreateAt(Page, EditionPage)
        self.assertCanNotCreateAt(EditionPage, EditionPage)

    def test_edition_children(self):
        for model in (
            ProgrammePage,
            SpeakerIndexPage,
            PartnersPage,
            PracticalInfoPage,
            StandardPage,
        ):
            self.assertCanCreateAt(EditionPage, model)
        for model in (ProgrammePage, SpeakerIndexPage, PartnersPage, PracticalInfoPage):
            self.assertCanNotCreateAt(HomePage, model)

    def test_sessions_only_in_a_programme(self):
        self.assertCanCreateAt(ProgrammePage, SessionPage)
        self.assertCanNotCreateAt(EditionPage, SessionPage)
        self.assertAllowedSubpageTypes(SessionPage, set())

    def test_one_programme_per_edition(self):
        home = HomePageFactory(parent=Page.get_first_root_node())
        edition = EditionPageFactory(parent=home)
        assert ProgrammePage.can_create_at(edition)
        ProgrammePageFactory(parent=edition)
        assert not ProgrammePage.can_create_at(edition)
        PracticalInfoPageFactory(parent=edition)
        assert not PracticalInfoPage.can_create_at(edition)
