"""An editor's year in the French admin (issue 25), its first steps: a Modérateur prepares
the 2026 edition from 2025 and publishes it, then imports its programme from a spreadsheet
(mistakes first, explained line by line, then the corrected file, published). After each
publication a visitor on a phone reads the partners and every practical information row in
French, English and Spanish, and finds what the admin shows; no session is public before
the programme's release. Moderation, translation and the scheduled release are to follow."""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.auth.models import Group

import pytest

from editions.models import EditionPage, PracticalInfoPage
from partners.models import Partner, PartnersPage
from programme.models import ProgrammePage, SessionPage
from tests.helpers import workbook

from .conftest import EDITOR_PASSWORD, save_screenshot

pytestmark = pytest.mark.browser

LANGUAGES = ("fr", "en", "es")
HEADERS = [
    "Référence",
    "Jour",
    "Début",
    "Fin",
    "Type",
    "Titre",
    "Salle",
    "Intervenants",
    "Partenaires organisateurs",
]
DAY = datetime.date(2026, 7, 3)  # the first day the copy proposes: a Friday, as in 2025


@dataclass
class Row:
    reference: str
    start: str
    end: str
    title: str
    room: str
    speakers: list = field(default_factory=list)  # (name, function, role)
    partners: list = field(default_factory=list)

    def cells(self):
        hours = [datetime.time(*map(int, value.split(":"))) for value in (self.start, self.end)]
        speakers = "\n".join(" | ".join(speaker) for speaker in self.speakers)
        return [self.reference, DAY, *hours, "Atelier", self.title, self.room, speakers]


def spreadsheet(path, rows):
    path.write_bytes(workbook(HEADERS, [[*r.cells(), "; ".join(r.partners)] for r in rows]))
    return path


ROOM = "Espace des Partenaires"  # the one room of the 2025 venue, copied to 2026
ROWS = [
    Row(
        "EAU-1",
        "09:30",
        "11:00",
        "Villes jumelles et eau potable",
        ROOM,
        [
            ("Awa Diop", "Adjointe au maire de Dakar", "intervenante"),
            ("Marc Petit", "", "modérateur"),
        ],
        ["Cités Unies France", "PLATFORMA"],
    ),
    Row(
        "CLIMAT-2",
        "11:30",
        "12:30",
        "Coopération et climat",
        ROOM,
        [("Léa Moreau", "Chargée de mission", "intervenante")],
        ["PLATFORMA"],
    ),
    Row(
        "JEUNES-3",
        "14:00",
        "15:30",
        "Jeunesse et mobilité internationale",
        ROOM,
        [("Awa Diop", "Adjointe au maire de Dakar", "intervenante")],
        ["Cités Unies France"],
    ),
]


# --- people and their browsers ---------------------------------------------------------


@pytest.fixture
def team(demo_site, django_user_model):
    for username, group in (("moderatrice", "Modérateurs"),):
        user = django_user_model.objects.create_user(username, f"{username}@e.org", EDITOR_PASSWORD)
        user.groups.add(Group.objects.get(name=group))


def login(browser, base, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url(f"{base}/admin/")
    return page


def open_action(page, name):
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name=name).click()


def footer_action(page, name):
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=name).click()


def publish_in_admin(page, base, obj):
    page.goto(f"{base}/admin/pages/{obj.pk}/edit/")
    footer_action(page, re.compile("^Publier$"))
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    assert "a été publiée" in page.content(), obj


def in_2026(model, code="fr"):
    return model.objects.get(locale__language_code=code, url_path__contains="/2026/")


def translation(obj, code):
    return type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)


# --- what the editor sees in the admin ---------------------------------------------------


def input_values(page, suffix):
    fields = page.locator(f"input[name$='-{suffix}']:not([name*='__prefix__'])")
    return [value.strip() for value in fields.evaluate_all("els => els.map(e => e.value)")]


def practical_facts_in_admin(page, base, practical):
    """The rows of the practical information page as its editing form shows them."""
    page.goto(f"{base}/admin/pages/{practical.pk}/edit/")
    page.locator("input[name$='-station']").first.wait_for(state="attached")
    facts = {
        suffix: input_values(page, suffix)
        for suffix in ("lines", "station", "exit", "name", "phone", "email", "url")
    }
    assert facts["station"] and facts["phone"] and facts["url"], facts
    return facts


def partners_in_admin(page, base, edition):
    """The partners the edition's form lists (their chooser's values)."""
    page.goto(f"{base}/admin/pages/{edition.pk}/edit/")
    ids = input_values(page, "partner")
    assert ids, "the copied edition lists no partner"
    return [Partner.objects.get(pk=int(pk)) for pk in ids if pk]


# --- what a visitor sees, on a phone, in every language ----------------------------------


def phone(browser, code):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale=code
    )
    return context, context.new_page()


def visit(page, base, obj, status=200):
    response = page.goto(f"{base}{obj.url}")
    assert response.status == status, (obj.url, response.status)
    return page.locator("main").inner_text() if status == 200 else ""


def localised(obj, code):
    found = type(obj).objects.filter(
        translation_key=obj.translation_key, locale__language_code=code
    )
    return found.first() or obj


def check_partners(page, base, code, partners):
    partners_page = translation(in_2026(PartnersPage), code)
    text = visit(page, base, partners_page)
    assert page.locator("main .logo-list__item").count() == len(partners), code
    for partner in partners:
        name = localised(partner, code).name
        # Its name, written or as its logo's text.
        logos = page.locator("main .logo-list img").evaluate_all("els => els.map(e => e.alt)")
        assert name in text or name in logos, (code, name)
        if partner.url:
            assert page.locator(f"main a[href='{partner.url}']").count(), (code, partner.url)


def check_practical(page, base, code, facts):
    text = visit(page, base, translation(in_2026(PracticalInfoPage), code))
    rows = page.locator("main .transport")
    assert rows.count() == len(facts["station"]), code
    for index, station in enumerate(facts["station"]):
        row = rows.nth(index).inner_text()
        assert station in row, (code, station, row)
        for line in facts["lines"][index].split(","):
            assert re.search(rf"\b{re.escape(line.strip())}\b", row), (code, line, row)
        if facts["exit"][index]:
            assert facts["exit"][index] in row or code != "fr", (code, row)
    for name, phone_number, email in zip(
        facts["name"], facts["phone"], facts["email"], strict=True
    ):
        assert name in text and phone_number in text, (code, name, phone_number)
        assert page.locator(f"main a[href='mailto:{email}']").count() == 1, (code, email)
    links = page.locator("section[aria-labelledby='practical-links'] a")
    assert links.evaluate_all("els => els.map(e => e.getAttribute('href'))") == facts["url"], code


def check_sessions(page, base, code, rows):
    """Before the release, neither the programme nor a session (live or not) is public."""
    visit(page, base, translation(in_2026(ProgrammePage), code), 404)
    sessions = {s.reference: s for s in SessionPage.objects.filter(locale__language_code=code)}
    for row in rows:
        if row.reference in sessions:
            visit(page, base, sessions[row.reference], 404)


def check_public_site(browser, base, facts, rows, step):
    for code in LANGUAGES:
        context, page = phone(browser, code)
        check_partners(page, base, code, facts["partners"])
        check_practical(page, base, code, facts["practical"])
        check_sessions(page, base, code, rows)
        save_screenshot(page, f"editors-year-{step}-{code}")
        context.close()


# --- the year ---------------------------------------------------------------------------


def prepare_next_edition(page, base):
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    page.goto(f"{base}/admin/pages/{edition.pk}/edit/")
    open_action(page, "Préparer l'édition suivante")
    assert page.get_by_label("Année de la nouvelle édition").input_value() == "2026"
    assert page.get_by_label("Premier jour").input_value() == DAY.strftime("%d/%m/%Y")
    page.get_by_label("Ne pas les copier : partir d'un programme vide").check()
    page.get_by_role("button", name="Créer la nouvelle édition").click()
    page.get_by_text("L'édition 2026 est prête").wait_for()
    new = in_2026(EditionPage)
    assert not new.live and new.number == edition.number + 1
    return new


def import_programme(page, base, programme, tmp_path):
    page.goto(f"{base}/admin/pages/{programme.pk}/edit/")
    open_action(page, "Importer un tableur")
    page.wait_for_url(f"**/admin/programme/{programme.pk}/import/")
    mistaken = [
        ROWS[0],
        Row(**{**ROWS[1].__dict__, "end": "10:00"}),  # ends before it starts
        Row(**{**ROWS[2].__dict__, "room": "Étoile 1"}),  # a room of another venue
    ]
    page.set_input_files("input[name=file]", str(spreadsheet(tmp_path / "v1.xlsx", mistaken)))
    page.get_by_role("button", name="Prévisualiser l'import").click()
    page.get_by_role("heading", name="2 problèmes à corriger dans le fichier").wait_for()
    problems = page.locator(".import-problems li").all_inner_texts()
    assert problems == [
        "ligne 3 : La fin doit être postérieure au début.",
        "ligne 4 : salle inconnu(e) « Étoile 1 »",
    ], problems
    assert page.get_by_role("button", name="Confirmer l'import").count() == 0
    assert not SessionPage.objects.child_of(programme).exists()

    page.get_by_role("link", name="Déposer un fichier").click()
    page.set_input_files("input[name=file]", str(spreadsheet(tmp_path / "v2.xlsx", ROWS)))
    assert page.get_by_label("Publier les séances importées").is_checked()
    page.get_by_role("button", name="Prévisualiser l'import").click()
    page.get_by_role("heading", name="Séances à créer").wait_for()
    page.get_by_role("button", name="Confirmer l'import").click()
    page.wait_for_url(f"**/admin/pages/{programme.pk}/")
    assert "Séances créées : 3, mises à jour : 0" in page.content()
    sessions = SessionPage.objects.child_of(programme)
    assert sessions.count() == 3 and all(s.live for s in sessions)


def test_an_editors_year(browser, live_server, team, tmp_path):
    base = live_server.url
    moderator = login(browser, base, "moderatrice")

    # 1. The next edition, copied from 2025, then published in French.
    edition = prepare_next_edition(moderator, base)
    facts = {
        "partners": partners_in_admin(moderator, base, edition),
        "practical": practical_facts_in_admin(moderator, base, in_2026(PracticalInfoPage)),
    }
    for page in (edition, in_2026(PartnersPage), in_2026(PracticalInfoPage)):
        publish_in_admin(moderator, base, page)
    check_public_site(browser, base, facts, ROWS, step="1-edition")

    # 2. The programme from a spreadsheet: mistakes, then the corrected file, published.
    programme = in_2026(ProgrammePage)
    import_programme(moderator, base, programme, tmp_path)
    check_public_site(browser, base, facts, ROWS, step="2-import")

    moderator.context.close()
