"""The demo: `load_demo` is idempotent and /fr/2025/ carries everything the pre-programme says."""

import re

from django.conf import settings
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest
import time_machine
from bs4 import BeautifulSoup

from editions.models import EditionPage, Venue
from partners.models import Partner
from sessions.models import Person, Room, SessionPage

PRE_PROGRAMME = (
    settings.BASE_DIR.parent / "shared" / "content" / "rencontres-2025-pre-programme.txt"
)


def page_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.get_text(" ").split()), soup


def normalise(text):
    text = text.replace("\u00a0", " ").replace("'", "’")
    return " ".join(text.split())


def counts():
    models = (Page, EditionPage, SessionPage, Person, Partner, Venue, Room, get_image_model())
    counted = {model.__name__: model.objects.count() for model in models}
    for model in (EditionPage, SessionPage):
        for code in ("fr", "en", "es"):
            counted[f"{model.__name__} {code}"] = model.objects.filter(
                locale__language_code=code
            ).count()
    return counted


def test_load_demo_twice_duplicates_nothing(demo_translated, capsys):
    # The first load is the snapshot of what `load_demo` makes (its loader and translator,
    # tests/conftest.py), built once per process: the second one runs the command.
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert "nothing to add" in capsys.readouterr().out
    # Every edition exists in every language (an alias where it is not translated).
    # 2025, its two predecessors from the sources, and the archive's five examples of what
    # history holds (editions/demo/content.py EXAMPLE_EDITIONS).
    assert (first["EditionPage fr"], first["EditionPage en"], first["EditionPage es"]) == (8, 8, 8)
    assert (first["SessionPage fr"], first["SessionPage en"], first["SessionPage es"]) == (
        14,
        14,
        14,
    )


WELCOME = "Welcome to your new Wagtail site!"


@pytest.mark.django_db
def test_wagtails_welcome_page_is_never_copied_and_the_demo_leaves_no_trace():
    from wagtail.models import Locale, PageLogEntry

    from home.translation import sync_trees

    # What `migrate` leaves: Wagtail's placeholder, in French only (its post_migrate copied
    # it into English and Spanish, and the French admin showed them).
    welcome = Page.objects.filter(title=WELCOME)
    assert list(welcome.values_list("locale__language_code", flat=True)) == ["fr"]
    # A copy made before is removed at the next `migrate`.
    welcome.get().copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    sync_trees()
    assert welcome.count() == 1
    # The demo replaces it, and the site history does not list it.
    call_command("load_demo")
    assert not welcome.exists()
    assert not PageLogEntry.objects.filter(label=WELCOME).exists()


@pytest.fixture
def edition_page(demo, client):
    # As the organiser's pre-programme presents it: registration open, before the day.
    with time_machine.travel("2025-06-01 12:00 +02:00", tick=False):
        response = client.get("/fr/2025/")
    assert response.status_code == 200
    return response


def test_edition_facts(edition_page):
    text, _ = page_text(edition_page)
    for fact in [
        "16e édition",
        "vendredi 4 juillet 2025",
        "« Construisons l’action internationale des collectivités territoriales de demain ! »",
        "Salons de l’Hôtel des Arts & Métiers",
        "9bis, avenue d’Iéna",
        "75116 Paris",
        "#RencontresAICT2025",
    ]:
        assert normalise(fact) in normalise(text), fact


@pytest.mark.skipif(
    not PRE_PROGRAMME.exists(), reason="the shared pre-programme is not beside the project"
)
def test_every_sentence_of_the_editorial_is_on_the_page(edition_page):
    source = PRE_PROGRAMME.read_text()
    editorial = source[source.index("Les défis mondiaux") : source.index("nous rassemblent.") + 17]
    editorial = re.sub(r"-\n", "", editorial)  # « parte-\nnaires »
    text = normalise(page_text(edition_page)[0])
    sentences = [s for s in re.split(r"(?<=\.)\s+", normalise(editorial)) if s]
    assert len(sentences) >= 10
    for sentence in sentences:
        assert sentence in text, sentence
    for line in [
        "Michaël Delafosse",
        "Président de Cités Unies France",
        "Maire de Montpellier",
        "Président de Montpellier Méditerranée Métropole",
    ]:
        assert line in text


@pytest.mark.skipif(
    not PRE_PROGRAMME.exists(), reason="the shared pre-programme is not beside the project"
)
def test_every_programme_line_is_a_session_with_its_times(edition_page, client):
    source = PRE_PROGRAMME.read_text()
    day = source[source.index("Vendredi 4 juillet :") :]
    entries = re.findall(r"(\d+)h(\d\d)\s*-\s*(\d+)h(\d\d)\s+(.+?)(?=\n\s*\n|\Z)", day, re.S)
    assert len(entries) == 10
    sessions = list(SessionPage.objects.live().order_by("start"))
    for h1, m1, h2, m2, title in entries:
        title = normalise(title.replace("\n", " "))
        parts = [p.strip() for p in title.split("/")] if "/" in title else [title]
        for part in parts:
            part = re.sub(r"\s*-\s*$", "", part).strip()
            matching = [
                s
                for s in sessions
                if normalise(part).lower() in normalise(s.title).lower()
                and s.edition.local(s.start).strftime("%H%M") == f"{int(h1):02d}{m1}"
                and s.edition.local(s.end).strftime("%H%M") == f"{int(h2):02d}{m2}"
            ]
            assert matching, f"{h1}h{m1}-{h2}h{m2} {part}"
    text = normalise(page_text(edition_page)[0])
    assert "8 h 00 – 9 h 00" in text
    assert "17 h 30 – 18 h 00" in text


def test_highlights_partners_and_registration(edition_page):
    text, soup = page_text(edition_page)
    text = normalise(text)
    for highlight in [
        "Plénière de mise à l’honneur d’un pays",
        "Remerciements aux collectivités organisatrices du « RELAIS DE LA COOP DEC’ »",
        "Conférence plénière thématique",
        "Ateliers thématiques",
        "Des réunions régionales",
        "« Cafés des Rencontres » : rendez-vous avec les acteurs de l’AICT",
        "Espace des Partenaires : networking - animations - rencontres B2B...",
        "Avec le concours de",
        "Le projet PLATFORMA est co-financé par l’Union européenne",
        "Ouverture des inscriptions en ligne : 15 avril 2025",
    ]:
        assert normalise(highlight) in text, highlight
    footer = soup.find("footer", class_="site-footer")
    assert footer.find("img", alt="PLATFORMA") is not None


def test_practical_information_and_working_links(edition_page):
    text, soup = page_text(edition_page)
    text = normalise(text)
    for fact in [
        "Métro ligne 9 – station Iéna – Sortie Musée Guimet",
        "Bus n° 32, n° 63, n° 82 – station Iéna",
        "Parking Kléber",
        "65 avenue Kléber 75116 Paris",
        "+33(0)1 53 41 81 81",
        "@CitesUniesFR",
    ]:
        assert normalise(fact) in text, fact
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    for href in [
        "tel:+33153418181",
        "mailto:coop-dec@cites-unies-france.org",
        "https://twitter.com/CitesUniesFR",
        "https://www.linkedin.com/company/cites-unies-france-officiel/",
        "http://raict.org",
        "https://cites-unies-france.org/-Rencontres-de-l-AICT-",
        "https://cites-unies-france.org/-Rencontres-de-l-action-internationale-des-collectivites-",
        "https://www.salons-artsetmetiers.com/",
    ]:
        assert href in hrefs, href
    assert any(h.startswith("https://www.openstreetmap.org/") for h in hrefs)


@pytest.mark.parametrize(
    ("moment", "expected", "absent"),
    [
        ("2025-03-01 12:00 +01:00", "Inscriptions ouvertes le 15 avril 2025", "S’inscrire"),
        ("2025-05-02 12:00 +02:00", "S’inscrire", "Inscriptions closes"),
        # Once the edition is over: nothing of registration any more.
        ("2025-07-04 18:30 +02:00", None, "Inscriptions closes"),
    ],
)
def test_registration_call_to_action_follows_the_clock(demo, client, moment, expected, absent):
    with time_machine.travel(moment, tick=False):
        response = client.get("/fr/2025/programme/")
    text = normalise(page_text(response)[0])
    if expected is None:
        assert page_text(response)[1].select_one(".registration") is None
    else:
        assert normalise(expected) in text
    assert normalise(absent) not in text
    if expected == "S’inscrire":
        soup = page_text(response)[1]
        link = soup.select_one(".registration a")
        assert link["href"] == "http://raict.org"


def test_home_features_current_edition_and_lists_the_archive_newest_first(demo, client):
    with time_machine.travel("2025-06-01 12:00 +02:00", tick=False):
        response = client.get("/fr/")
    text, soup = page_text(response)
    featured = soup.select_one(".current-edition")
    assert "Rencontres de l'AICT 2025" in featured.get_text()
    archive = [h.get_text(strip=True) for h in soup.select(".archive .edition-card__title")]
    assert archive == [
        "Rencontres de l'AICT 2024",
        "Rencontres de l'AICT 2023",
        "Rencontres de l'AICT 2022",
        "Rencontres de l'AICT 2021",
        "Rencontres de l'AICT 2020",
        "Rencontres de l'AICT 2019",
        "Assises de la coopération décentralisée 2012",
    ]
    assert "Cameroun" in text


@pytest.mark.parametrize("url", ["/fr/2024/", "/fr/2023/"])
def test_past_editions_without_programme_render(demo, client, url):
    response = client.get(url)
    assert response.status_code == 200
    text = normalise(page_text(response)[0])
    assert "Plus de 500 participants" in text
    assert "Programme" not in page_text(response)[1].select_one("main").get_text()


def test_every_demo_page_renders(demo, client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_root_redirects_by_browser_language(demo, client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")
    assert response["Location"] == "/fr/"


def test_an_older_edition_links_to_the_current_one(demo, client):
    with time_machine.travel("2025-06-01 12:00 +02:00", tick=False):
        older = page_text(client.get("/fr/2024/"))[1]
        current = page_text(client.get("/fr/2025/"))[1]
    note = older.select_one(".other-edition")
    assert "Vous consultez l'édition 2024." in note.get_text()
    assert note.a["href"] == "/fr/2025/"
    assert current.select_one(".other-edition") is None


def test_every_page_of_an_older_edition_says_so(demo_translated, client):
    with time_machine.travel("2025-06-01 12:00 +02:00", tick=False):
        for url in ["/fr/2024/", "/fr/2023/", "/en/2024/"]:
            note = page_text(client.get(url))[1].select_one(".edition-banner .other-edition")
            assert note.a["href"] == ("/en/2025/" if url.startswith("/en/") else "/fr/2025/")
        for url in ["/fr/2025/programme/", "/fr/2025/programme/ateliers-matin/", "/en/2025/"]:
            assert page_text(client.get(url))[1].select_one(".other-edition") is None


def test_the_notice_follows_publishing_and_the_clock(demo, client):
    from editions.models import EditionPage

    edition_2024 = EditionPage.objects.get(year=2024, locale__language_code="fr")

    def note(moment):
        with time_machine.travel(moment, tick=False):
            found = page_text(client.get("/fr/2025/"))[1].select_one(".other-edition")
        return found.a["href"] if found else None

    assert note("2025-06-01 12:00 +02:00") is None
    # An editor pins 2024 on the home page: 2025 now points to it.
    home = edition_2024.get_parent().specific
    home.pinned_edition = edition_2024
    home.save_revision().publish()
    assert note("2025-06-01 12:00 +02:00") == "/fr/2024/"
    home.pinned_edition = None
    home.save_revision().publish()
    assert note("2025-06-01 12:00 +02:00") is None
    # A 2026 edition, once published, becomes current after 2025 has ended.
    new = EditionPage(
        title="Rencontres de l'AICT 2026",
        number=17,
        year=2026,
        start=edition_2024.start.replace(year=2026),
        end=edition_2024.end.replace(year=2026),
        live=False,
    )
    home.add_child(instance=new)
    assert note("2025-08-01 12:00 +02:00") is None  # a draft is not current
    new.save_revision().publish()
    assert note("2025-08-01 12:00 +02:00") == "/fr/2026/"
    EditionPage.objects.get(pk=new.pk).unpublish()
    assert note("2025-08-01 12:00 +02:00") is None


def test_canonical_address_ignores_filters(demo, client):
    soup = page_text(client.get("/fr/2025/programme/", {"type": "workshop"}))[1]
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/fr/2025/programme/"
