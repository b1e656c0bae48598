"""What the editors' year test (tests/browser/test_editors_year.py) types and reads: the
2026 spreadsheet and its mistakes, the scripts run in the demo's process, and a visitor who
checks the public pages in three languages."""

import datetime
import json
import zoneinfo

from tests.processes import run_python

from .conftest import save_screenshot

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
LANGUAGES = ("fr", "en", "es")
DAY = datetime.date(2026, 7, 3)
T = datetime.time


def row(reference, start, end, kind, title, room="", speakers="", partners="", region=""):
    return [reference, DAY, start, end, kind, title, room, "", speakers, partners, region, ""]


# The 2026 programme as the organiser sends it: the 14 copied sessions (known by their
# address) and 4 new workshops, with their speakers and organising partners.
SESSIONS = [
    row("accueil", T(8), T(9), "Accueil", "Ouverture des Rencontres - Accueil des participants"),
    row(
        "seance-ouverture",
        T(9),
        T(9, 30),
        "Ouverture officielle",
        "Séance d’ouverture officielle des Rencontres",
        speakers="Michaël Delafosse | Maire de Montpellier | Intervenant",
        partners="Cités Unies France",
    ),
    row("ateliers-matin", T(9, 30), T(11), "Atelier", "Ateliers"),
    row(
        "A1",
        T(9, 30),
        T(11),
        "Atelier",
        "Eau et assainissement : coopérer entre villes",
        speakers="Awa Diop | Adjointe au maire de Dakar | Intervenante\n"
        "Jean Martin | Cités Unies France | Modérateur",
        partners="PLATFORMA",
        region="Afrique de l'Ouest",
    ),
    row(
        "A2",
        T(9, 30),
        T(11),
        "Atelier",
        "Jeunesse et engagement international",
        speakers="Lucía Pérez | Alcaldesa de Rosario | Intervenante",
        partners="Cités Unies France",
        region="Amérique latine",
    ),
    row("reunions-regionales-matin", T(9, 30), T(11), "Réunion régionale", "Réunions régionales"),
    row(
        "rencontres-b-to-b-matin",
        T(9, 30),
        T(11),
        "Rencontres B to B",
        "Rencontres B to B",
        room="Espace des Partenaires",
    ),
    row(
        "pause-cafe",
        T(11),
        T(11, 30),
        "Pause",
        "Pause café à l’Espace des partenaires",
        room="Espace des Partenaires",
    ),
    row(
        "conference-pleniere",
        T(11, 30),
        T(13),
        "Plénière",
        "Conférence plénière",
        speakers="Awa Diop | Adjointe au maire de Dakar | Intervenante",
        partners="PLATFORMA",
    ),
    row("cocktail-dejeuner", T(13), T(14), "Repas", "Cocktail déjeuner"),
    row("cafes-des-rencontres", T(14), T(15), "Café des Rencontres", "« Cafés des Rencontres »"),
    row("ateliers-apres-midi", T(15), T(16, 30), "Atelier", "Ateliers"),
    row(
        "A3",
        T(15),
        T(16, 30),
        "Atelier",
        "Climat : financer l'action locale",
        speakers="Jean Martin | Cités Unies France | Intervenant",
        partners="Agence française de développement (AFD)",
    ),
    row(
        "A4",
        T(15),
        T(16, 30),
        "Atelier",
        "Culture et patrimoine en coopération",
        speakers="Amina Benali | Conseillère régionale | Intervenante",
        region="Méditerranée",
    ),
    row(
        "reunions-regionales-apres-midi",
        T(15),
        T(16, 30),
        "Réunion régionale",
        "Réunions régionales",
    ),
    row(
        "rencontres-b-to-b-apres-midi",
        T(15),
        T(16, 30),
        "Rencontres B to B",
        "Rencontres B to B",
        room="Espace des Partenaires",
    ),
    row(
        "pleniere-pays-a-l-honneur",
        T(16, 30),
        T(17, 30),
        "Plénière du pays à l'honneur",
        "Plénière de mise à l’honneur d’un pays",
    ),
    row("cloture", T(17, 30), T(18), "Clôture", "Clôture des Rencontres - Verre d’amitié"),
]


def with_mistakes(rows):
    """The first file: a session ending before it starts, last year's other venue's room,
    an unknown type."""
    rows = [list(r) for r in rows]
    rows[3][2], rows[3][3] = T(11), T(9, 30)
    rows[12][6] = "Marly"
    rows[13][4] = "Séminaire"
    return rows


USERS = """
from django.contrib.auth.models import Group, User
for username, group in {users!r}:
    user = User.objects.create_user(
        username, username + "@example.org", {password!r}, first_name=username.capitalize()
    )
    user.groups.add(Group.objects.get(name=group))
"""

# Each French page of an edition and its translations' addresses and state, for the test to
# know where to look (what the pages show is read in the browser).
PAGES = """
import json
from wagtail.models import Page
from editions.models import EditionPage
edition = EditionPage.objects.get(year={year}, locale__language_code="fr")
found = {{}}
for page in Page.objects.descendant_of(edition, inclusive=True).order_by("path"):
    found[page.slug] = {{
        "pk": page.pk,
        "live": page.live,
        "languages": {{
            p.locale.language_code: {{"pk": p.pk, "url": p.url, "live": p.live}}
            for p in Page.objects.filter(translation_key=page.translation_key)
        }},
    }}
print(json.dumps(found))
"""

PUBLISH_SCHEDULED = """
import datetime, time_machine
from django.core.management import call_command
with time_machine.travel(datetime.datetime.fromisoformat({when!r}), tick=False):
    call_command("publish_scheduled")
"""


def pages(env, year=2026):
    return json.loads(run_python(env, PAGES.format(year=year)))


class Visitor:
    """A phone reading the public site, without cookies (what the page cache serves)."""

    def __init__(self, browser, base):
        self.context = browser.new_context(
            viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
        )
        self.page = self.context.new_page()
        self.base = base

    def read(self, url):
        """(status, the main text, the page) of `url`."""
        response = self.page.goto(f"{self.base}{url}")
        if response.status != 200:
            return response.status, "", self.page
        return 200, " ".join(self.page.locator("main").inner_text().split()), self.page

    def times(self):
        return self.page.locator("main time").evaluate_all("els => els.map(e => e.dateTime)")

    def links(self):
        return self.page.locator("main a").evaluate_all("els => els.map(e => e.href)")

    def pictures(self):
        """The text alternatives of the pictures in the main content (partners' logos)."""
        return " ".join(self.page.locator("main img").evaluate_all("els => els.map(e => e.alt)"))


def check_edition_pages(visitor, found):
    """The edition, partners and practical information in every language: each list whole
    (partners, transport, contacts, links), each fact the French one."""
    for code in LANGUAGES:
        status, _text, page = visitor.read(found["2026"]["languages"][code]["url"])
        assert status == 200, code
        body = " ".join(page.locator("body").inner_text().split())
        assert "PLATFORMA" in body, code
        assert "Cités Unies France" in body, code
        status, text, _page = visitor.read(found["partenaires"]["languages"][code]["url"])
        assert status == 200, code
        named = f"{text} {visitor.pictures()}"
        for name in ("Cités Unies France", "PLATFORMA"):
            assert name in named, (code, name)
        status, text, _page = visitor.read(found["infos-pratiques"]["languages"][code]["url"])
        assert status == 200, code
        for fact in ("Iéna", "Sortie Musée Guimet", "32", "63", "82", "+33(0)1 53 41 81 81"):
            assert fact in text, (code, fact)
        links = visitor.links()
        assert "mailto:coop-dec@cites-unies-france.org" in links, code
        for url in ("http://raict.org/", "https://cites-unies-france.org/-Rencontres-de-l-AICT-"):
            assert url in links, (code, url)
        save_screenshot(visitor.page, f"year-practical-{code}")


def check_programme_hidden(visitor, found):
    """Nothing of the programme is public before its release, in any language."""
    for slug in ("programme", "conference-pleniere"):
        for code, translation in found[slug]["languages"].items():
            assert visitor.read(translation["url"])[0] == 404, (slug, code)


def local_iso(time):
    return datetime.datetime.combine(DAY, time, tzinfo=PARIS)


def check_session(visitor, found, slug, start, present, absent=()):
    for code in LANGUAGES:
        translation = found[slug]["languages"][code]
        status, text, _page = visitor.read(translation["url"])
        assert status == 200, (slug, code)
        times = [datetime.datetime.fromisoformat(t) for t in visitor.times() if "T" in t]
        assert local_iso(start) in times, (slug, code, times)
        text = f"{text} {visitor.pictures()}"  # partners are named by their logos
        for words in present.get(code, present.get("*", ())):
            assert words in text, (slug, code, words)
        for words in absent:
            assert words not in text, (slug, code, words)
