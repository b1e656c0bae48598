"""What drops the page cache listens to the models that drop something, not to every save
in the process (home/caching/invalidation.py, connect)."""

from django.db.models.signals import post_save, pre_delete

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Revision
from wagtail_localize.models import StringTranslation

from editions.models import Venue
from home.caching import invalidation
from partners.models import Partner
from sessions.models import Person, Room, SessionPage


def listens(signal, sender, receiver):
    return receiver in signal._live_receivers(sender)[0]


def test_the_models_that_drop_something_are_heard():
    for model in (Person, Room, Venue, Partner, PageViewRestriction, get_image_model()):
        assert listens(post_save, model, invalidation.on_saved), model
        assert listens(pre_delete, model, invalidation.on_deleted), model
    assert listens(pre_delete, SessionPage, invalidation.on_page_deleted)


def test_the_other_saves_run_no_receiver_of_the_page_cache():
    for model in (Revision, StringTranslation, SessionPage):
        assert not listens(post_save, model, invalidation.on_saved), model
        assert not listens(pre_delete, model, invalidation.on_deleted), model
