"""The French admin speaks French: every admin screen each group can reach (the same URL walk
as the permission matrix), asked in French, shows none of the English interface strings
it would show untranslated — neither the project's own nor Wagtail's or wagtail-localize's
(whose catalogues this project corrects in its locale/) — and none of the English words the
issue found (« Full name », « Locale », « More actions »…)."""

import re

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

import polib
from bs4 import BeautifulSoup

from tests.home.test_permission_matrix import (  # noqa: F401 (world: the matrix's fixture)
    GROUPS,
    admin_patterns,
    build,
    candidates,
    world,
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
]
# French that was wrong upstream and is corrected in locale/fr.
WRONG_FRENCH = ["cette pas", "seront crées", "Région :", "Région\xa0:"]


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


def test_every_admin_screen_of_every_group_is_in_french(world, django_user_model):  # noqa: F811
    english = catalogue_strings()
    assert "Everything is translated and up to date." in english and len(english) > 400
    known = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, KNOWN)) + r")(?![\w-])")
    problems = set()
    screens = 0
    for number, group in enumerate(GROUPS):
        user = django_user_model.objects.create_user(f"membre-{number}", "m@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        language = GROUPS[group]
        client = Client(HTTP_ACCEPT_LANGUAGE="fr")
        client.force_login(user)
        done = set()
        for pieces, name in admin_patterns():
            for values, _page in candidates(pieces, name, world, ["fr", language or "fr"]):
                path = build(pieces, values)
                if path in done:
                    continue
                done.add(path)
                response = client.get(path)
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    continue
                if "/preview/" in path or (name or "").endswith(("view_draft", "revisions_view")):
                    continue  # the public page (in its own language), not the admin
                screens += 1
                for text in interface_texts(response.content.decode()):
                    if text in english or known.search(text):
                        problems.add(f"{group}: {name}: « {text} »")
                    for wrong in WRONG_FRENCH:
                        if wrong in text:
                            problems.add(f"{group}: {name}: « {text} »")
    assert screens > 150
    assert sorted(problems) == []
