"""The French admin speaks French: every admin screen each group can reach (the same URL walk
as the permission matrix), asked in French, shows none of the English interface strings
it would show untranslated — neither the project's own nor Wagtail's or wagtail-localize's
(whose catalogues this project corrects in its locale/) — and none of the English words the
issues found (« Full name », « Locale », « More actions », « Include descendants », « True »…).

The walk also asks what a URL alone does not show: the bulk actions' confirmations for the
selected pages and snippets, the listings filtered by language, searched and sorted, and the
screens only an administrator reaches, and the screens after a form: the copy's « à relire »
review, the import's preview of a spreadsheet with mistakes, the programme's release, the
translator's dashboard of a copied edition, a listing's second page."""

import re

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

import polib
import pytest
from bs4 import BeautifulSoup

from tests.admin_walk import (
    GROUPS,
    SNIPPETS,
    admin_patterns,
    build,
    candidates,
)

# English that was seen in the French admin, whatever its source.
KNOWN = [
    "Full name",
    "Locale",
    "More actions",
    "Publish in",
    "PO File",
    "Not translated",
    "To update",
    "Up to date",
    "Your translations",
    # Wagtail's bulk publish and unpublish: a form field without a label of its own.
    "Include descendants",
    # A boolean shown as Python writes it.
    "True",
    "False",
    # Wagtail's placeholder home page, made by its first migration (and copied into every
    # language): removed once the site has its own home page.
    "Welcome to your new Wagtail site!",
]
# French that was wrong upstream and is corrected in locale/fr.
WRONG_FRENCH = [
    "cette pas",
    "seront crées",
    "Région :",
    "Région\xa0:",
    # Wagtail's languages settings call a language « une région » (home/admin/upstream_strings.py).
    "Ajouter la région",
    "Ajouter une région",
    "Supprimer région",
    "Changer les régions",
    # The programme's release: Wagtail schedules with « Programmer » (« Programmée »).
    "Planifier",
]
# Whole texts that are wrong French in the admin: Wagtail's pagination « Next » read
# « Ensuite », the word of the programme's « now and next » screens.
WRONG_TEXTS = {"Ensuite", "Ensuite >", "Précédent Ensuite"}


# This project's French for a msgid Wagtail or Django also has, on purpose (the others,
# in home/admin/upstream_strings.py, correct upstream's French). Any other msgid of ours that an
# upstream catalogue also translates replaces upstream's French on Wagtail's own screens
# (LOCALE_PATHS come first): « Cancelled » once made Wagtail's cancelled workflows
# « Annulée » beside its « Annulé par … », « Live » its « Publié » « Publiée », and « Filter »
# its « Filtre » « Filtrer ». Such words of ours take a context (pgettext).
SHARED_ON_PURPOSE = {
    # Better French than upstream's, and the same concept.
    "Skip to main content",  # « Aller à contenu principal » upstream
    "Page not found",
    "slug",  # « identifiant d'adresse »
    # Django's sessions app and form builder, and its own language names: not in the admin.
    "Sessions",
    "sessions",
    "session",
    "label",
    "French",
    "English",
    "Spanish",
    "Arabic",
    "Portuguese",
    "Time",
}


def upstream_catalogues(language):
    from pathlib import Path

    import django

    import wagtail
    import wagtail_localize

    roots = [
        Path(wagtail.__path__[0]),
        Path(wagtail_localize.__path__[0]),
        Path(django.__path__[0]),
    ]
    return [
        path
        for root in roots
        for path in root.rglob(f"locale/{language}/LC_MESSAGES/django.po")
        if "tests" not in path.parts
    ]


def test_our_catalogue_replaces_upstream_french_only_on_purpose():
    from home.admin.upstream_strings import OVERRIDDEN

    upstream = {}
    for path in upstream_catalogues("fr"):
        for entry in polib.pofile(str(path)):
            if entry.msgstr:
                upstream.setdefault((entry.msgctxt, entry.msgid), set()).add(entry.msgstr)
    ours = polib.pofile(f"{settings.BASE_DIR}/locale/fr/LC_MESSAGES/django.po")
    replaced = sorted(
        entry.msgid
        for entry in ours
        if upstream.get((entry.msgctxt, entry.msgid), {entry.msgstr}) - {entry.msgstr}
        and entry.msgid not in SHARED_ON_PURPOSE
        and entry.msgid not in {str(text) for text in OVERRIDDEN}
    )
    assert replaced == []


def catalogue_strings():
    """English msgids whose French differs, from our catalogue and the upstream ones."""
    import wagtail
    import wagtail_localize

    paths = [
        f"{settings.BASE_DIR}/locale/fr/LC_MESSAGES/django.po",
        f"{wagtail_localize.__path__[0]}/locale/fr/LC_MESSAGES/django.po",
        f"{wagtail.__path__[0]}/admin/locale/fr/LC_MESSAGES/django.po",
        f"{wagtail.__path__[0]}/snippets/locale/fr/LC_MESSAGES/django.po",
    ]
    found = set()
    for path in paths:
        for entry in polib.pofile(path):
            text = entry.msgid
            # Whole sentences only: a single word (« Date », « Actions ») is French too.
            if (
                entry.msgstr
                and entry.msgstr != text
                and "%" not in text
                and "{" not in text
                and len(text.split()) >= 3
            ):
                found.add(text)
    return found


def interface_texts(html):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template", "textarea"]):
        tag.decompose()
    texts = [" ".join(s.split()) for s in soup.find_all(string=True) if s.strip()]
    for attribute in ("title", "aria-label", "placeholder"):
        texts += [" ".join(el[attribute].split()) for el in soup.find_all(attrs={attribute: True})]
    return texts


ADMINISTRATOR = "Administrateur"


def more_screens(world):
    """[(path, view name)] of the screens a URL alone does not show."""
    pages = [world.editions["fr"], world.programmes["fr"], world.sessions["fr"]]
    ids = "&".join(f"id={page.pk}" for page in pages)
    sessions = "&".join(f"id={page.pk}" for page in world.programmes["fr"].get_children())
    screens = [
        (f"/admin/bulk/wagtailcore/page/{action}/?{ids}", f"bulk {action}")
        for action in ("publish", "unpublish", "delete", "move")
    ]
    screens.append((f"/admin/bulk/wagtailcore/page/session_status/?{sessions}", "bulk status"))
    for label, model in SNIPPETS.items():
        app_label, model_name = label.split("_", 1)
        pks = "&".join(
            f"id={pk}" for pk in model.objects.order_by("pk").values_list("pk", flat=True)[:2]
        )
        listing = f"/admin/snippets/{app_label}/{model_name}/"
        for action in ("delete", "publish", "unpublish"):
            screens.append((f"/admin/bulk/{app_label}/{model_name}/{action}/?{pks}", action))
        screens += [
            (f"{listing}?locale=en", f"{label} in English"),
            (f"{listing}?q=a", f"{label} searched"),
            (f"{listing}?ordering=-_updated_at", f"{label} sorted"),
        ]
    for parent in (world.programmes["fr"], world.programmes["en"]):
        screens += [
            (f"/admin/pages/{parent.pk}/?ordering=-latest_revision_created_at", "explorer"),
            (f"/admin/pages/{parent.pk}/?q=atelier", "explorer searched"),
            (f"/admin/pages/{parent.pk}/?locale=es&has_child_pages=false", "explorer filtered"),
        ]
    screens += [
        ("/admin/pages/search/?q=atelier", "page search"),
        ("/admin/pages/search/?q=atelier&locale=en", "page search in English"),
        ("/admin/images/?q=a", "images searched"),
        ("/admin/documents/?q=a", "documents searched"),
        ("/admin/reports/site-history/?action=wagtail.publish", "site history filtered"),
        ("/admin/reports/aging-pages/?locale=fr", "aging pages filtered"),
        ("/admin/users/?q=a", "users searched"),
    ]
    return screens


@pytest.mark.parametrize("group", [*GROUPS, ADMINISTRATOR])
def test_every_admin_screen_of_every_group_is_in_french(group, world, django_user_model):
    """One group's walk per test, so that the workers share the five walks."""
    english = catalogue_strings()
    assert "Everything is translated and up to date." in english and len(english) > 400
    known = known_english()
    if group == ADMINISTRATOR:
        user = django_user_model.objects.create_superuser("administratrice", "a@example.org", "x")
    else:
        user = django_user_model.objects.create_user("membre", "m@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
    language = GROUPS.get(group)
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    asked = []
    for pieces, name in admin_patterns():
        for values, page in candidates(pieces, name, world, ["fr", language or "fr"]):
            path = build(pieces, values) + values.get("_query", "")
            if page is not None and name == "wagtail_bulk_action":
                path += f"?id={page.pk}"
            asked.append((path, name))
    asked += more_screens(world)
    problems = set()
    screens = 0
    done = set()
    for path, name in asked:
        if path in done:
            continue
        done.add(path)
        # Logged in again each time: the walk's GET of « Se déconnecter » logs out, and
        # every screen after it was once the login page.
        client.force_login(user)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        if "/preview/" in path or (name or "").endswith(("view_draft", "revisions_view")):
            continue  # the public page (in its own language), not the admin
        screens += 1
        problems |= {
            f"{group}: {name}: « {text} »"
            for text in problems_in(response.content.decode(), english, known)
        }
    assert screens > 120  # 145 to 194 screens a group
    assert sorted(problems) == []


def known_english():
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, KNOWN)) + r")(?![\w-])")


def problems_in(html, english, known):
    """The texts of an admin screen that are English or wrong French."""
    found = []
    for text in interface_texts(html):
        if (
            text in english
            or known.search(text)
            or text in WRONG_TEXTS
            or any(wrong in text for wrong in WRONG_FRENCH)
        ):
            found.append(text)
    return found


def test_the_screens_after_a_form_are_in_french(demo_translated, django_user_model):
    """What a URL alone does not reach: the copy of an edition and its « à relire » review, the
    import's preview of a spreadsheet with mistakes, the new programme's release, the
    translator's dashboard of the copied edition, a listing's second page (its pager)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from editions.models import EditionPage
    from sessions.models import ProgrammePage, SessionPage
    from tests.sessions.spreadsheets import PLENARY, WORKSHOP, xlsx

    english, known = catalogue_strings(), known_english()
    admin = django_user_model.objects.create_superuser("administratrice", "a@example.org", "x")
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(admin)
    screens = {}

    def look(name, response, expected):
        assert response.status_code == 200, name
        html = response.content.decode()
        text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
        assert expected in text, (name, expected)
        screens[name] = problems_in(html, english, known)

    old = EditionPage.objects.get(year=2025, locale__language_code="fr")
    look(
        "copy review",
        client.post(
            reverse("editions_new_edition", args=[old.pk]),
            {"year": "2026", "number": "17", "start": "2026-07-03", "sessions": "drafts"},
        ),
        "L'édition 2026",
    )
    new = EditionPage.objects.get(year=2026, locale__language_code="fr")
    programme = ProgrammePage.objects.child_of(new).get()
    late = list(WORKSHOP)
    late[3] = late[2]  # ends when it starts: a mistake on line 2
    look(
        "import preview",
        client.post(
            reverse("programme_import", args=[programme.pk]),
            {"file": SimpleUploadedFile("programme.xlsx", xlsx([late, PLENARY])), "publish": "on"},
        ),
        "ligne 2",
    )
    look(
        "release",
        client.get(reverse("programme_release", args=[programme.pk])),
        "Programmer la publication",
    )
    look("languages settings", client.get("/admin/locales/"), "Ajouter une langue")
    look("site history, page 2", client.get("/admin/reports/site-history/?p=2"), "Précédent")
    # A translator's work: a French session whose words changed.
    session = SessionPage.objects.descendant_of(old).get(slug="conference-pleniere")
    session.summary = "Un tout nouveau résumé."
    session.save_revision().publish()
    translator = django_user_model.objects.create_user("traductrice", "t@example.org", "x")
    translator.groups.add(Group.objects.get(name="Traducteurs EN"))
    client.force_login(translator)
    look("translator dashboard", client.get("/admin/"), "Chaînes à traduire")
    assert {name: found for name, found in screens.items() if found} == {}
