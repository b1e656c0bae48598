"""An editor at work during the load and fault runs, in a process of the site's own:

- `python -m bench.editor pretix URL`: the large edition sells through pretix at URL, open now;
- `python -m bench.editor publish SECONDS`: publishes a new title of a session every
  second for SECONDS, and prints (JSON) the titles whose publication returned;
- `python -m bench.editor check TITLE…`: prints (JSON) which of those titles have a revision.
"""

import json
import os
import sys
import time


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    import django

    django.setup()


def session():
    from sessions.models import SessionPage

    return SessionPage.objects.get(slug="seance-01", locale__language_code="fr")


def pretix(url):
    from django.utils import timezone

    from editions.models import EditionPage

    edition = EditionPage.objects.get(year=2027, locale__language_code="fr")
    draft = edition.get_latest_revision_as_object()
    draft.registration_provider = "pretix"
    draft.pretix_url = url
    draft.pretix_organizer = "cuf"
    draft.pretix_event = "aict2027"
    draft.registration_opens = timezone.now() - timezone.timedelta(days=1)
    draft.save_revision().publish()


def publish(seconds):
    from django.db import close_old_connections, connections

    acknowledged, failures = [], 0
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        title = f"Atelier 1 : version {n}"
        try:
            page = session()
            draft = page.get_latest_revision_as_object()
            draft.title = title
            draft.save_revision().publish()
            acknowledged.append(title)
        except Exception:  # noqa: BLE001 (the database is restarting: the editor tries again)
            failures += 1
            for connection in connections.all():
                connection.close()
            close_old_connections()
        time.sleep(1.0)
    json.dump({"acknowledged": acknowledged, "failures": failures}, sys.stdout)


def check(titles):
    from wagtail.models import Revision

    page = session()
    stored = set()
    for revision in Revision.page_revisions.filter(object_id=str(page.pk)):
        stored.add(revision.content.get("title"))
    json.dump(
        {"missing": [t for t in titles if t not in stored], "live_title": page.title},
        sys.stdout,
    )


if __name__ == "__main__":
    setup()
    command, *args = sys.argv[1:]
    if command == "pretix":
        pretix(args[0])
    elif command == "publish":
        publish(float(args[0]))
    elif command == "check":
        check(args)
