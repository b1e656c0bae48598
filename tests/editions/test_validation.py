"""Editors are protected from mistakes: every invariant is a French message on its field."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from editions.factories import PARIS, EditionPageFactory, VenueFactory
from editions.models import EditionPage, EditionStatus
from tests.helpers import errors_of, validate


@pytest.fixture
def draft(home, venue):
    """An edition not yet in the tree, validated against its future parent as the admin does."""
    page = EditionPage(
        title="Rencontres de l'AICT 2026",
        number=17,
        year=2026,
        start=datetime.datetime(2026, 7, 3, 8, 0, tzinfo=PARIS),
        end=datetime.datetime(2026, 7, 3, 18, 0, tzinfo=PARIS),
        venue=venue,
    )
    page._parent_for_validation = home
    return page


def test_valid_edition_gets_its_year_as_slug(draft):
    validate(draft)
    assert draft.slug == "2026"


def test_end_before_start(draft):
    draft.end = draft.start - datetime.timedelta(hours=1)
    assert errors_of(draft)["end"] == ["La fin doit être postérieure au début."]


def test_registration_closes_before_it_opens(draft):
    draft.registration_opens = datetime.datetime(2026, 5, 1, tzinfo=PARIS)
    draft.registration_closes = datetime.datetime(2026, 4, 1, tzinfo=PARIS)
    assert errors_of(draft)["registration_closes"] == [
        "La clôture des inscriptions doit être postérieure à leur ouverture."
    ]


def test_registration_opening_after_the_edition(draft):
    draft.registration_opens = datetime.datetime(2026, 8, 1, tzinfo=PARIS)
    assert "registration_opens" in errors_of(draft)


def test_rescheduled_edition_needs_its_first_dates(draft):
    draft.status = EditionStatus.RESCHEDULED
    assert errors_of(draft)["previous_start"] == [
        "Une édition reportée conserve les dates annoncées initialement : saisissez-les."
    ]
    draft.previous_start = datetime.datetime(2026, 7, 1, 9, tzinfo=PARIS)
    draft.previous_end = datetime.datetime(2026, 7, 1, 18, tzinfo=PARIS)
    validate(draft)


def test_two_editions_cannot_share_a_year(home, draft):
    EditionPageFactory(parent=home, year=2026)
    assert errors_of(draft)["year"] == ["Une édition existe déjà pour l'année 2026."]


def test_hashtag(draft):
    draft.hashtag = "Rencontres AICT"
    assert "hashtag" in errors_of(draft)
    draft.hashtag = "RencontresAICT2026"
    validate(draft)
    assert draft.hashtag == "#RencontresAICT2026"


def test_venue_needs_both_coordinates(db):
    venue = VenueFactory.build(latitude=48.86)
    with translation.override("fr"), pytest.raises(ValidationError) as caught:
        venue.full_clean()
    assert caught.value.message_dict["longitude"] == [
        "Saisissez la latitude et la longitude, ou aucune des deux."
    ]


def test_multi_day_edition_dates(home, client):
    edition = EditionPageFactory(
        parent=home,
        year=2024,
        start=datetime.datetime(2024, 10, 23, 14, 0, tzinfo=PARIS),
        end=datetime.datetime(2024, 10, 24, 13, 0, tzinfo=PARIS),
    )
    assert edition.is_multi_day
    assert len(edition.days) == 2
    text = client.get("/fr/2024/").content.decode()
    assert "du mercredi 23 octobre 2024 au jeudi 24 octobre 2024" in text


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (EditionStatus.CANCELLED, "Annulée"),
        (EditionStatus.POSTPONED, "Reportée (date à confirmer)"),
        (EditionStatus.ONLINE, "En ligne"),
    ],
)
def test_status_is_said_in_words_on_the_page_and_card(home, client, status, label):
    EditionPageFactory(parent=home, year=2022, status=status, status_note="Annulée le jour même.")
    page_text = client.get("/fr/2022/").content.decode()
    home_text = client.get("/fr/").content.decode()
    assert label in page_text
    assert label in home_text


def test_rescheduled_edition_shows_its_first_dates(home, client):
    EditionPageFactory(
        parent=home,
        year=2020,
        status=EditionStatus.RESCHEDULED,
        start=datetime.datetime(2020, 9, 10, 9, tzinfo=PARIS),
        end=datetime.datetime(2020, 9, 10, 18, tzinfo=PARIS),
        previous_start=datetime.datetime(2020, 7, 2, 9, tzinfo=PARIS),
        previous_end=datetime.datetime(2020, 7, 3, 18, tzinfo=PARIS),  # two days in July
    )
    text = client.get("/fr/2020/").content.decode()
    assert "Reportée à de nouvelles dates" in text
    assert (
        "dates annoncées initialement : du jeudi 2 juillet 2020 au vendredi 3 juillet 2020"
        in " ".join(text.split())
    )
