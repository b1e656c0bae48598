"""Browser tests: Debian's Chromium driven by Playwright for Python (never a downloaded browser)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
GUIDE_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "guide" / "images"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class WithoutServiceWorkers:
    """The browser, whose pages run without the site's service worker unless a test asks
    for it (`service_workers="allow"`): its offline copy fetches the edition's pages in the
    background, which a test about something else must not have running against the live
    server while the database is emptied after it (tests/browser/test_offline.py has it)."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_context(**options)

    def new_page(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_page(**options)

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"Debian's chromium is not installed ({CHROMIUM}); apt-get install chromium"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; Django's ORM calls made
    # by the test itself are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield WithoutServiceWorkers(browser)
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="fr-FR",
    )
    page = context.new_page()
    yield page
    context.close()


def build_demo_site():
    """The demo site, translated, as `load_demo` makes it, on a database a flush emptied of
    what Wagtail's migrations create (put back first)."""
    from django.conf import settings

    from wagtail.models import Collection, Locale, Page

    from editions.demo.loader import DemoLoader
    from editions.demo.translate import DemoTranslator
    from home.translators import ensure_translator_groups

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    DemoLoader(log=lambda *args: None).run()
    DemoTranslator(log=lambda *args: None).run()
    ensure_translator_groups()
    restore_editorial_groups()


@pytest.fixture(scope="session")
def demo_site_rows(django_db_setup, django_db_blocker, run_folder):
    """The demo site built once per test run, committed as a live server sees it (its search
    index and what runs on commit included), and every table read back (shared with the
    run's other processes: tests/once_per_run.py)."""
    from tests.once_per_run import SharedSnapshots
    from tests.snapshot import Snapshot

    def build():
        build_demo_site()
        return [Snapshot.read_all()]

    with django_db_blocker.unblock():
        return SharedSnapshots(run_folder, "browser-demo").get(build)[0]


@pytest.fixture
def demo_site(transactional_db, demo_site_rows):
    """The demo site, translated, in a transactional database (the live server sees it):
    every table put back as the build left it, since the flush after each test empties
    them (its pictures stay in the test media folder for the whole run)."""
    demo_site_rows.restore()


def restore_editorial_groups():
    """« Rédacteurs », « Modérateurs » and the moderation workflow come from a data migration,
    which a flush removed: run it again on the migrations' state of the models."""
    import importlib

    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    if Group.objects.filter(name="Modérateurs").exists():
        return
    migration = importlib.import_module("home.migrations.0002_editorial_groups")
    migration.forwards(MigrationLoader(connection).project_state().apps, None)


EDITOR_PASSWORD = "un mot de passe de test"


@pytest.fixture
def editor_page(browser, live_server, demo_site, django_user_model):
    """An editor logged in to the admin, with an English browser (the admin is French)."""
    django_user_model.objects.create_superuser(
        "redaction", "redaction@example.org", EDITOR_PASSWORD
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "redaction")
    page.fill("#id_password", EDITOR_PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    yield page
    context.close()


def admin_login(browser, base_url, username):
    """A desktop browser page logged in to the French admin as `username` (its context is
    `page.context`)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url(f"{base_url}/admin/")
    return page


def footer_action(page, name):
    """An action of the editor's footer menu (« Publier », « Soumettre », « Approuver »)."""
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=name).click()


def save_screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def save_guide_screenshot(page, name, tolerance=0.01):
    """A picture of the real admin for the editors' guide (docs/guide/images/<name>.png).

    Retaken on every run; the file is replaced only when the screen has really changed
    (more than `tolerance` of its pixels), not for a blinking caret or anti-aliasing."""
    import io

    from PIL import Image, ImageChops

    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    path = GUIDE_IMAGES / f"{name}.png"
    new = page.screenshot()
    if path.exists():
        with Image.open(path) as old_image, Image.open(io.BytesIO(new)) as new_image:
            if old_image.size == new_image.size:
                diff = ImageChops.difference(old_image.convert("RGB"), new_image.convert("RGB"))
                changed = diff.convert("L").point(lambda v: 255 if v > 16 else 0).histogram()[255]
                if changed <= tolerance * old_image.width * old_image.height:
                    return
    path.write_bytes(new)
