"""The editors' year end to end, as the staff do it in Chromium through the French admin, on
the demo as `make demo` serves it (its own server process, database and shared cache):

1. a Modérateur prepares 2026 from 2025 and publishes its edition, partners and practical
   information pages;
2. imports an 18-session spreadsheet, refused with its mistakes, then fixed;
3. a Rédacteur edits a session and submits it, and saves another draft never submitted;
   the Modérateur approves the first;
4. a translator starts: the dashboard lists the work, the English plenary is translated;
5. the Modérateur schedules the programme's release with its translations, and
   `publish_scheduled` runs in another process at the release time;
6. after each publication, a visitor's phone reads the public pages in French, English and
   Spanish: every list and every fact, and nothing published behind the editors' backs."""

import datetime
import re

import pytest

from tests.helpers import HEADERS, workbook
from tests.processes import free_port, load_demo, run_python, start_server

from .conftest import EDITOR_PASSWORD, admin_login, footer_action, save_screenshot
from .editors_year import (
    LANGUAGES,
    PARIS,
    PUBLISH_SCHEDULED,
    SESSIONS,
    USERS,
    T,
    Visitor,
    check_edition_pages,
    check_programme_hidden,
    check_session,
    pages,
    with_mistakes,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo served by its own process, with a Modérateur, a Rédacteur and an English
    translator; (environment, base URL)."""
    env = load_demo(tmp_path_factory.mktemp("var"))
    users = [
        ("moderatrice", "Modérateurs"),
        ("redacteur", "Rédacteurs"),
        ("traductrice", "Traducteurs EN"),
    ]
    run_python(env, USERS.format(users=users, password=EDITOR_PASSWORD))
    port = free_port()
    server = start_server(env, port)
    yield env, f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=30)


def test_the_editors_year_from_copy_to_release(browser, demo):
    env, base = demo
    visitor = Visitor(browser, base)

    # 1. The Modérateur prepares 2026 from 2025: nothing is published by the copy.
    page = admin_login(browser, base, "moderatrice")
    edition_2025 = pages(env, 2025)["2025"]["pk"]
    page.goto(f"{base}/admin/pages/{edition_2025}/edit/")
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Préparer l'édition suivante").click()
    assert page.get_by_label("Année de la nouvelle édition").input_value() == "2026"
    # The copy of a whole edition in three languages is the year's longest request; on two
    # cores shared with the other browser tests it may take more than the default 30 s.
    page.get_by_role("button", name="Créer la nouvelle édition").click(timeout=120_000)
    page.get_by_text("Rien n'est publié").wait_for(timeout=120_000)
    found = pages(env)
    assert not any(p["live"] for p in found.values())
    for slug in ("2026", "partenaires", "infos-pratiques"):
        page.goto(f"{base}/admin/pages/{found[slug]['pk']}/edit/")
        footer_action(page, "Publier")
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        assert "a été publiée" in page.locator(".messages").inner_text()
    found = pages(env)
    check_edition_pages(visitor, found)
    check_programme_hidden(visitor, found)

    # 2. The import: refused with its mistakes, line by line in French; then the fixed file,
    # kept as drafts for the release.
    programme = found["programme"]["pk"]
    page.goto(f"{base}/admin/pages/{programme}/edit/")
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Importer un tableur").click()
    sheet = env["RENCONTRES_VAR_DIR"] + "/programme-2026.xlsx"
    with open(sheet, "wb") as file:
        file.write(workbook(HEADERS, with_mistakes(SESSIONS)))
    page.set_input_files("input[name=file]", sheet)
    page.get_by_role("button", name="Prévisualiser l'import").click()
    problems = " ".join(page.locator("main").inner_text().split())
    assert "3 problèmes à corriger dans le fichier" in problems
    assert "ligne 5 : La fin doit être postérieure au début." in problems
    assert (
        "ligne 14 : salle inconnue « Marly » (salles du lieu de cette édition : "
        "Espace des Partenaires)" in problems
    )
    assert "ligne 15 : type de séance inconnu « Séminaire »" in problems
    assert page.get_by_role("button", name="Confirmer l'import").count() == 0
    page.get_by_role("link", name="Déposer un fichier").click()
    with open(sheet, "wb") as file:
        file.write(workbook(HEADERS, SESSIONS))
    page.set_input_files("input[name=file]", sheet)
    page.uncheck("input[name=publish]")
    page.get_by_role("button", name="Prévisualiser l'import").click()
    page.get_by_text("4 séances à créer, 2 à mettre à jour, 12 inchangées.").wait_for()
    page.get_by_role("button", name="Confirmer l'import").click()
    page.wait_for_url(f"**/admin/pages/{programme}/", timeout=120_000)
    assert "Séances créées : 4, mises à jour : 2, inchangées : 12" in page.content()
    found = pages(env)
    check_programme_hidden(visitor, found)
    check_edition_pages(visitor, found)

    # 3. The Rédacteur edits the plenary and submits it; saves another draft, never
    # submitted. The Modérateur approves the plenary.
    redacteur = admin_login(browser, base, "redacteur")
    redacteur.goto(f"{base}/admin/pages/{found['conference-pleniere']['pk']}/edit/")
    redacteur.fill("#id_summary", "Les élus locaux face aux crises : débat ouvert avec la salle.")
    footer_action(redacteur, re.compile("Soumettre"))
    redacteur.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    assert "soumise pour modération" in redacteur.locator(".messages").inner_text()
    redacteur.goto(f"{base}/admin/pages/{found['cocktail-dejeuner']['pk']}/edit/")
    redacteur.fill("#id_title", "Cocktail déjeuner offert par la Ville de Paris")
    redacteur.get_by_role("button", name="Enregistrer le brouillon").click()
    redacteur.locator(".messages").wait_for()
    redacteur.context.close()

    page.goto(f"{base}/admin/")
    page.get_by_role("link", name="Conférence plénière").first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    footer_action(page, "Approuver et Publier")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    found = pages(env)
    assert found["conference-pleniere"]["live"]
    check_programme_hidden(visitor, found)  # its programme is not released yet

    # 4. The translator's start: the dashboard names the plenary, with its strings left; the
    # English page is translated and published.
    translator = admin_login(browser, base, "traductrice")
    work = translator.locator("table", has_text="Chaînes à traduire")
    plenary_row = work.locator("tr", has_text="Conférence plénière")
    assert re.search(r"Non traduit\s+2$", plenary_row.inner_text().strip()), (
        plenary_row.inner_text()
    )
    plenary_row.get_by_role("link", name="Conférence plénière").click()
    editor = translator.locator(".js-translation-editor")

    def segment(words):
        return editor.locator(f'xpath=.//li[p[contains(., "{words}")]]')

    for source, words in (
        (
            "Les élus locaux face aux crises",
            "Local elected officials facing crises: an open debate.",
        ),
        ("Adjointe au maire de Dakar", "Deputy Mayor of Dakar"),
    ):
        segment(source).get_by_role("button", name="Traduire").click()
        segment(source).locator("textarea").fill(words)
        segment(source).get_by_role("button", name="Enregistrer").click()
        segment(source).get_by_text("Traduit manuellement").wait_for()
    translator.get_by_role("button", name="Publier en anglais").click()
    translator.locator(".messages").wait_for()
    message = translator.locator(".messages").inner_text()
    assert "Traduction publiée : « Plenary conference » (English)." in message, message
    translator.context.close()

    # 5. The release, with the translations; the unsubmitted draft and its translations are
    # left out, and said so.
    page.goto(f"{base}/admin/pages/{programme}/edit/")
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Programmer la publication du programme").click()
    left = " ".join(page.locator(".release-left-out").inner_text().split())
    assert (
        "Cocktail déjeuner offert par la Ville de Paris (fr) : un brouillon de Redacteur, "
        "jamais soumis à la relecture" in left
    )
    assert "sa page française est laissée de côté" in left
    assert page.get_by_label("Leurs traductions aussi").is_checked()
    release = datetime.datetime.now(PARIS).replace(second=0, microsecond=0)
    release += datetime.timedelta(days=1)
    following = " ".join(page.locator(".release-following").inner_text().split())
    assert "traductions sont publiées avec leur page française" in following, following
    page.fill("#id_go_live_at", release.strftime("%d/%m/%Y %H:%M"))
    # The date picker stays open over the form: the editor goes on with the keyboard.
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Programmer", exact=True).focus()
    page.keyboard.press("Enter")
    page.get_by_text("pages seront publiées le").wait_for()
    check_programme_hidden(visitor, pages(env))

    # publish_scheduled, in its own process, at the release time.
    when = release + datetime.timedelta(minutes=1)
    run_python(env, PUBLISH_SCHEDULED.format(when=when.isoformat()))
    found = pages(env)

    # 6. The public programme in three languages: the same 17 sessions (the cocktail's
    # draft was never submitted), every list and fact of each.
    counts = {}
    for code in LANGUAGES:
        status, text, programme_page = visitor.read(found["programme"]["languages"][code]["url"])
        assert status == 200, code
        counts[code] = programme_page.locator(".session-card").count()
        assert "Eau et assainissement : coopérer entre villes" in text, code
        assert "offert par la Ville de Paris" not in text, code
        save_screenshot(visitor.page, f"year-programme-{code}")
    assert counts == {"fr": 17, "en": 17, "es": 17}
    for code, translation in found["cocktail-dejeuner"]["languages"].items():
        assert not translation["live"], code
        assert visitor.read(translation["url"])[0] == 404, code
    check_session(
        visitor,
        found,
        "conference-pleniere",
        T(11, 30),
        {
            "fr": ["Les élus locaux face aux crises", "Awa Diop", "Adjointe au maire", "PLATFORMA"],
            "en": ["Local elected officials facing", "Awa Diop", "Deputy Mayor of", "PLATFORMA"],
            "es": ["Les élus locaux face aux crises", "Awa Diop", "Adjointe au maire", "PLATFORMA"],
        },
    )
    check_session(
        visitor,
        found,
        "eau-et-assainissement-cooperer-entre-villes",
        T(9, 30),
        {"*": ["Awa Diop", "Jean Martin", "PLATFORMA"]},
    )
    check_session(
        visitor,
        found,
        "seance-ouverture",
        T(9),
        {"*": ["Michaël Delafosse", "Maire de Montpellier", "Cités Unies France"]},
    )
    check_session(visitor, found, "pause-cafe", T(11), {"*": []})
    check_edition_pages(visitor, found)
    visitor.context.close()
    page.context.close()
