from django.core.cache import cache

from wagtail.models import Page, Site

import pytest

from editions.factories import EditionPageFactory, VenueFactory
from home.factories import HomePageFactory
from sessions.factories import ProgrammePageFactory


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in French: a request of an earlier test in the same process leaves its
    language active in the thread (Django's LocaleMiddleware activates it for the request)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts from an empty cache (the test settings' cache is in memory; the
    pictures' HTML an earlier test's images made is in it too)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """A site whose root is a HomePage, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="accueil")
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk:
        old_root.delete()
    return home


@pytest.fixture
def venue(db):
    return VenueFactory(name="Salons de l’Hôtel des Arts & Métiers")


@pytest.fixture
def edition(home, venue):
    return EditionPageFactory(parent=home, year=2025, venue=venue)


@pytest.fixture
def programme(edition):
    return ProgrammePageFactory(parent=edition)


def load_demo():
    from editions.demo.loader import DemoLoader

    DemoLoader(log=lambda *args: None).run()


def translate_demo():
    from editions.demo.translate import DemoTranslator

    DemoTranslator(log=lambda *args: None).run()


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory):
    """The folder every test process of this run shares (tests/once_per_run.py)."""
    from tests.once_per_run import run_dir

    return run_dir(tmp_path_factory)


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings, run_folder
):
    """pytest-django's test database, migrated once per run and reused by every process of
    it (tests/once_per_run.py)."""
    from tests.once_per_run import MigratedDatabase

    serialized = [
        "default"
        for item in request.session.items
        if (marker := item.get_closest_marker("django_db")) is not None
        and marker.kwargs.get("serialized_rollback")
    ][:1]
    database = MigratedDatabase(run_folder)
    with django_db_blocker.unblock():
        database.set_up(serialized)
    yield
    with django_db_blocker.unblock():
        database.tear_down()


@pytest.fixture(scope="session")
def demo_snapshots(django_db_setup, django_db_blocker, run_folder):
    """The demo as `load_demo` makes it, untranslated then translated, built once per test
    run (more than a hundred tests start from it; tests/once_per_run.py) and put back in each
    test's transaction. Its pictures stay in the test media folder for the whole run."""
    from django.conf import settings

    from tests.once_per_run import SharedSnapshots
    from tests.snapshot import Snapshot

    storages = settings.STORAGES
    # Taken here, before any test's own fixtures write their rows (pytest sets up a
    # session's fixtures before a test's).
    with django_db_blocker.unblock():
        taken = SharedSnapshots(run_folder).get(lambda: Snapshot.take(load_demo, translate_demo))
    snapshots = dict(zip(["demo", "demo_translated"], taken, strict=True))

    def restore(name, *builds):
        # A test that moved media elsewhere (its own S3 server) builds the demo there.
        if storages != settings.STORAGES:
            for build in builds:
                build()
        else:
            snapshots[name].restore()

    return restore


@pytest.fixture
def demo(db, demo_snapshots):
    """The demo site as `make demo` loads it."""
    demo_snapshots("demo", load_demo)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_translated(db, demo_snapshots):
    """The demo with its English and Spanish translations, as `load_demo` makes them."""
    demo_snapshots("demo_translated", load_demo, translate_demo)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaction", email="redaction@example.org", password="correct horse battery"
    )


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


# The longest tests, started first so that the other worker runs the rest meanwhile (the
# editor's year is the longest browser test); among the others, transactional ones keep
# pytest-django's place, after the rest.
LONG = ("test_permission_matrix.py", "test_fuzz.py", "test_editors_year.py")
# The modules `make test-fast` leaves out (marked `slow`): the walks of every admin URL and
# every restricted output, the copies of a whole edition, the other processes and servers
# (the demo's, PostgreSQL's dump, collectstatic), the fuzzers. CI runs them all.
SLOW = {
    "test_permission_matrix.py",
    "test_admin_french.py",
    "test_visibility_gate.py",
    "test_copy_publication.py",
    "test_new_edition.py",
    "test_demo_processes.py",
    "test_demo_content.py",
    "test_fuzz.py",
    "test_cache_bounds.py",
    "test_backup_restore.py",
    "test_production_settings.py",
    "test_lockout_behind_proxy.py",
    "test_entered_history.py",
    "test_real_history.py",
    "test_tree.py",
    "test_languages.py",
    "test_printed.py",
    "test_printed_design.py",
    "test_release.py",
    "test_workflow.py",
    "test_identity.py",
}


def pytest_collection_modifyitems(items):
    """Browser tests run last (`make test` also runs them in a pytest run of their own): their
    live server needs a transactional database, whose flush afterwards also empties what
    Wagtail's migrations created (root page, default site). The longest tests run first."""
    for item in items:
        if item.path.name in SLOW:
            item.add_marker(pytest.mark.slow)
    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is not None,
            item.path.name not in LONG,
        )
    )


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return (
        f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}".rstrip()
    )


@pytest.fixture
def admin_programme(admin_client, home, venue):
    """A 2026 edition and its programme, created through the admin's own views."""
    from editions.models import EditionPage
    from sessions.models import ProgrammePage
    from tests.admin_forms import EDITION_FORM, add_page

    response = add_page(admin_client, home, EditionPage, {**EDITION_FORM, "venue": venue.pk})
    assert response.status_code == 302
    edition = EditionPage.objects.get(year=2026, locale__language_code="fr")
    response = add_page(
        admin_client,
        edition,
        ProgrammePage,
        {"title": "Programme", "slug": "programme", "introduction": ""},
    )
    return ProgrammePage.objects.get(locale__language_code="fr")


@pytest.fixture
def s3(settings, monkeypatch):
    """Media on a real S3-compatible server on 127.0.0.1, configured as production does."""
    from django.core.files.storage import storages

    from wagtail.images import get_image_model

    from cms.storage import s3_storages

    from .s3_server import S3Server

    with S3Server() as server:
        settings.STORAGES = {**settings.STORAGES, **s3_storages(server.environ)}
        settings.WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
        # Wagtail binds the renditions' storage when its models load, which production
        # settings do before; here the settings change later, so bind it again.
        rendition_file = get_image_model().get_rendition_model()._meta.get_field("file")
        monkeypatch.setattr(rendition_file, "storage", storages["renditions"])
        yield server
