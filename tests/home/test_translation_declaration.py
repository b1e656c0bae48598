"""One translation declaration per model (issue 26, 2): wagtail-localize's fields are derived
from the facts, and a system check refuses a fact offered to translators."""

from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.segments.extract import extract_segments

import pytest

from editions.models import EditionPage
from home.checks import facts_are_not_words
from sessions.models import SessionPage, SessionSpeaker


def segment_paths(page):
    return {segment.path.split(".")[0] for segment in extract_segments(page)}


def test_translators_are_offered_words_only(demo_translated):
    """What the translation editor offers: the facts (region, room, reference, the venue,
    the editorial's author) are not there; the words are."""
    session = SessionPage.objects.filter(locale__language_code="fr", room__isnull=False).first()
    session.region = "Afrique de l'Ouest"
    session.reference = "A12"
    offered = segment_paths(session)
    assert "title" in offered
    assert not offered & {"region", "room", "reference", "start", "language", "status"}
    edition = EditionPage.objects.get(slug="2025", locale__language_code="fr")
    offered = segment_paths(edition)
    assert "theme" in offered
    assert not offered & {"venue", "editorial_author", "hashtag", "slug", "accent_colour"}


def test_the_project_passes_its_own_check():
    assert facts_are_not_words() == []


@pytest.mark.parametrize(
    ("model", "declared", "message"),
    [
        (
            SessionPage,
            [TranslatableField("region")],
            "SessionPage.region is a fact, but wagtail-localize offers it to translators.",
        ),
        (
            SessionPage,
            [SynchronizedField("reference", overridable=True)],
            "SessionPage.reference: a fact is overridable in wagtail-localize only if it is "
            "in overridable_facts.",
        ),
        (
            SessionSpeaker,
            [TranslatableField("person")],
            "SessionSpeaker.person is a fact, but wagtail-localize offers it to translators.",
        ),
    ],
)
def test_a_fact_declared_as_words_fails_the_check(monkeypatch, model, declared, message):
    """As the models were declared before (a hand-written list beside the facts)."""
    monkeypatch.setattr(model, "override_translatable_fields", declared)
    errors = [error for error in facts_are_not_words() if error.obj is model]
    assert {error.id for error in errors} == {"home.E001"}
    assert message in [error.msg for error in errors]


def test_an_overridable_fact_must_be_a_fact(monkeypatch):
    monkeypatch.setattr(SessionPage, "overridable_facts", ("registration_url", "summary"))
    errors = [error for error in facts_are_not_words() if error.obj is SessionPage]
    assert "SessionPage.overridable_facts names 'summary', which is not a fact." in [
        error.msg for error in errors
    ]
