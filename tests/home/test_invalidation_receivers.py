"""What drops the page cache listens to the models that drop something, not to every save
in the process (home/caching/invalidation.py, connect)."""

from django.db.models.signals import post_save, pre_delete

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

import wagtail_factories

from editions.factories import VenueFactory
from home.caching import invalidation
from partners.factories import PartnerFactory
from sessions.factories import PersonFactory, RoomFactory, SessionPageFactory


def runs(signal, instance, receiver, **kwargs):
    """Whether Django runs `receiver` when `signal` is sent for `instance`, as a save or a
    delete sends it: Signal.send answers with the receivers it ran."""
    answered = signal.send(sender=type(instance), instance=instance, **kwargs)
    return receiver in {ran for ran, _response in answered}


def test_the_models_that_drop_something_are_heard(programme):
    restriction = PageViewRestriction.objects.create(
        page=programme, restriction_type=PageViewRestriction.LOGIN
    )
    for instance in (
        PersonFactory(),
        RoomFactory(),
        VenueFactory(),
        PartnerFactory(),
        restriction,
        wagtail_factories.ImageFactory(),
    ):
        assert runs(post_save, instance, invalidation.on_saved, created=False), instance
        assert runs(pre_delete, instance, invalidation.on_deleted), instance
    assert runs(pre_delete, SessionPageFactory(parent=programme), invalidation.on_page_deleted)


def test_the_other_saves_run_no_receiver_of_the_page_cache(programme):
    session = SessionPageFactory(parent=programme)
    revision = session.save_revision()
    source, _created = TranslationSource.get_or_create_from_instance(session)
    segment = StringSegment.objects.filter(source=source).select_related("string").first()
    english = Locale.objects.get_or_create(language_code="en")[0]
    string = StringTranslation.objects.create(
        translation_of=segment.string, context=segment.context, locale=english, data="Words"
    )
    for instance in (revision, string, session):
        assert not runs(post_save, instance, invalidation.on_saved, created=False), instance
        assert not runs(pre_delete, instance, invalidation.on_deleted), instance
