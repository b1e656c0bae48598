"""Every receiver is connected by its module's connect(), for the senders it concerns: a save
of anything else in the process runs none of them."""

from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Locale, PageViewRestriction, Revision, Site
from wagtail.signals import page_published, post_page_move

from editions import current
from editions.models import EditionPage, Venue
from home import images
from home.caching import routing
from home.models import HomePage
from sessions import signals
from sessions.models import Person, ProgrammePage, Room, SessionPage


def listens(signal, sender, receiver):
    return receiver in signal._live_receivers(sender)[0]


def test_the_current_edition_hears_editions_home_pages_and_restrictions_only():
    for model in (EditionPage, HomePage, PageViewRestriction):
        assert listens(post_save, model, current.forget_on_page_change), model
        assert listens(post_delete, model, current.forget_on_page_change), model
    assert listens(post_page_move, EditionPage, current.forget_on_move)
    for model in (Revision, SessionPage, ProgrammePage, Person, Venue):
        assert not listens(post_save, model, current.forget_on_page_change), model
        assert not listens(post_page_move, model, current.forget_on_move), model


def test_the_route_cache_hears_sites_and_languages_only():
    for model in (Site, Locale):
        assert listens(post_save, model, routing.on_site_changed), model
        assert listens(post_delete, model, routing.on_site_changed), model
    assert not listens(post_save, Revision, routing.on_site_changed)


def test_a_replaced_file_is_deleted_with_its_row_only():
    assert listens(post_delete, images.ReplacedImageFile, images.delete_replaced_file)
    assert not listens(post_delete, Revision, images.delete_replaced_file)


def test_the_programme_changes_hear_sessions_and_rooms_only():
    assert listens(page_published, SessionPage, signals.on_published)
    assert listens(pre_delete, SessionPage, signals.on_deleting)
    assert listens(pre_delete, Room, signals.room_deleting)
    for model in (ProgrammePage, EditionPage, Revision):
        assert not listens(page_published, model, signals.on_published), model
        assert not listens(pre_delete, model, signals.on_deleting), model
