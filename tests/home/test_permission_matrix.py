"""Every admin door, for every role.

The admin URLs that Wagtail, wagtail-localize and the project register are read from the URL
resolver (a new view is walked without a new test). For each editorial group, each URL is
asked with GET and POST (with a valid CSRF token and the fields of every dangerous form:
publish, publish the translations, every locale, a schedule, a copy, an alias, a move…),
on the French, the group's own and another language's objects. Each request runs in a
savepoint rolled back afterwards; what it wrote is compared with the rules:

- a translator creates, edits and publishes only in their own language;
- a translator never creates another language, never deletes, moves, copies or aliases,
  never unpublishes, restricts or schedules;
- a Rédacteur never publishes a page or a snippet, by any path;
- only a Modérateur replaces the file of, or deletes, an image that live content shows;
- starting or updating a translation makes a draft: French text never goes live under /en/
  or /es/ (wagtail-localize's views change no live page, for anyone);
- no request ends in a server error.
"""

import copy

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import Count, IntegerField, Max, Sum
from django.db.models.functions import Cast
from django.test import Client
from django.urls import resolve

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail_localize.models import StringTranslation, Translation

import pytest

from tests.admin_walk import (
    CSRF,
    GROUPS,
    SNIPPETS,
    admin_patterns,
    build,
    candidates,
    post_data,
    upstream_crash,
)

# --- what was written ----------------------------------------------------------------------


def snapshot():
    pages = {
        row[0]: row
        for row in Page.objects.values_list(
            "pk",
            "locale__language_code",
            "path",
            "url_path",
            "live",
            "live_revision_id",
            "alias_of_id",
            "go_live_at",
            "expire_at",
            "translation_key",
            "title",
            "latest_revision_id",
        )
    }
    snippets = {
        (model.__name__, row[0]): (*row, model.__name__)
        for model in SNIPPETS.values()
        for row in model.objects.values_list("pk", "locale__language_code", *fields_of(model))
    }
    return {
        "pages": pages,
        "snippets": snippets,
        "scheduled": set(
            Revision.page_revisions.filter(approved_go_live_at__isnull=False).values_list(
                "pk", "object_id"
            )
        ),
        "restrictions": set(PageViewRestriction.objects.values_list("page_id", "restriction_type")),
        "images": dict(get_image_model().objects.values_list("pk", "file")),
        "translations": {
            row[0]: row
            for row in Translation.objects.values_list(
                "pk", "target_locale__language_code", "enabled"
            )
        },
        "strings": {
            (row[0], row[1], row[3]): row
            for row in StringTranslation.objects.values_list(
                "translation_of_id", "locale__language_code", "data", "context_id"
            )
        },
    }


def fingerprint():
    """A few aggregates that any write to pages, revisions, translations or snippets moves:
    cheap enough for every GET (a GET that writes is then compared in full)."""
    pages = Page.objects.aggregate(
        n=Count("pk"),
        live=Sum(Cast("live", IntegerField())),
        live_revisions=Sum("live_revision_id"),
        latest=Sum("latest_revision_id"),
        aliases=Sum("alias_of_id"),
    )
    return (
        pages,
        Revision.objects.aggregate(n=Count("pk"), last=Max("pk")),
        Translation.objects.aggregate(n=Count("pk"), on=Sum(Cast("enabled", IntegerField()))),
        StringTranslation.objects.aggregate(n=Count("pk"), last=Max("pk")),
        PageViewRestriction.objects.count(),
        get_image_model().objects.aggregate(n=Count("pk"), files=Max("file")),
        tuple(model.objects.count() for model in SNIPPETS.values()),
    )


def rows_written():
    """How many rows the connection has inserted, changed or deleted so far, where the
    database counts them (SQLite's total_changes, triggers included); None elsewhere. The
    same count before and after a request: it wrote nothing, and a snapshot would be the
    one taken before it."""
    if connection.vendor != "sqlite":
        return None
    connection.ensure_connection()
    return connection.connection.total_changes


def snippet_live(row):
    """(live, live revision) of a snippet's row in the snapshot (its model's name last)."""
    model = next(m for m in SNIPPETS.values() if m.__name__ == row[-1])
    names = ["pk", "locale", *fields_of(model)]
    return row[names.index("live")], row[names.index("live_revision_id")]


def fields_of(model):
    return [
        f.attname
        for f in model._meta.concrete_fields
        if f.attname not in ("id", "locale_id", "translation_key")
    ]


PAGE = {"locale": 1, "path": 2, "url_path": 3, "live": 4, "live_revision": 5, "alias_of": 6}
PAGE.update({"go_live_at": 7, "expire_at": 8})


def changes(before, after):
    """{kind: ([new rows], [deleted rows], [(old, new) changed rows])}."""
    found = {}
    for kind in ("pages", "snippets", "translations", "strings"):
        old, new = before[kind], after[kind]
        found[kind] = (
            [new[k] for k in new.keys() - old.keys()],
            [old[k] for k in old.keys() - new.keys()],
            [(old[k], new[k]) for k in old.keys() & new.keys() if old[k] != new[k]],
        )
    return found


def violations(group, language, view_name, before, after):
    found = []
    diff = changes(before, after)
    new_pages, deleted_pages, changed_pages = diff["pages"]
    scheduled = after["scheduled"] != before["scheduled"]
    restricted = after["restrictions"] != before["restrictions"]

    def live_changed(old, new):
        return old[PAGE["live"]] != new[PAGE["live"]] or (
            old[PAGE["live_revision"]] != new[PAGE["live_revision"]]
        )

    if language is not None:  # a translator
        if deleted_pages:
            found.append(f"deleted pages {[p[3] for p in deleted_pages]}")
        for page in new_pages:
            if page[PAGE["locale"]] != language:
                found.append(f"created {page[3]} in {page[PAGE['locale']]}")
            if page[PAGE["live"]] or page[PAGE["alias_of"]]:
                found.append(f"created {page[3]} live or as an alias")
            known = {p[9] for p in before["pages"].values()}
            if page[9] not in known:
                found.append(f"created {page[3]}, which translates no existing page (a copy)")
        for old, new in changed_pages:
            if old[PAGE["locale"]] != language:
                found.append(f"changed {old[3]} ({old[PAGE['locale']]})")
            for what in ("path", "url_path", "alias_of", "go_live_at", "expire_at"):
                if old[PAGE[what]] != new[PAGE[what]]:
                    found.append(f"changed the {what} of {old[3]}")
            if old[PAGE["live"]] and not new[PAGE["live"]]:
                found.append(f"unpublished {old[3]}")
        if scheduled:
            found.append("scheduled a release")
        if restricted:
            found.append("changed who may see a page")
        for kind in ("snippets", "translations", "strings"):
            new_rows, deleted_rows, changed_rows = diff[kind]
            if deleted_rows:
                found.append(f"deleted {kind}: {deleted_rows[:3]}")
            for row in new_rows + [new for _old, new in changed_rows]:
                if row[1] != language:
                    found.append(f"wrote {kind} in {row[1]}: {row[:3]}")
    # Images the public sees: only whoever may publish what shows them replaces or deletes
    # them (home/images.py); every image of the demo is shown by a live page or snippet.
    for pk, file_name in before["images"].items():
        if group == "Modérateurs":
            break
        if pk not in after["images"]:
            found.append(f"deleted the image {pk} that live content shows")
        elif after["images"][pk] != file_name:
            found.append(f"replaced the file of the image {pk} that live content shows")
    if group == "Rédacteurs":
        snippets_new, snippets_deleted, snippets_changed = diff["snippets"]
        for old, new in snippets_changed:
            if snippet_live(old) != snippet_live(new):
                found.append(f"published or unpublished the snippet {old[:2]}")
        for row in snippets_new:
            if snippet_live(row)[0]:
                found.append(f"created the snippet {row[:2]} live")
        for row in snippets_deleted:
            if snippet_live(row)[0]:
                found.append(f"deleted the live snippet {row[:2]}")
        for old, new in changed_pages:
            if live_changed(old, new):
                found.append(f"published or unpublished {old[3]}")
        for page in new_pages:
            if page[PAGE["live"]]:
                found.append(f"created {page[3]} live")
        for page in deleted_pages:
            if page[PAGE["live"]]:
                found.append(f"deleted the live page {page[3]}")
        if scheduled:
            found.append("scheduled a release")
    if "localize" in view_name:  # starting, updating, converting a translation: no one
        for old, new in changed_pages:
            if live_changed(old, new) or old[PAGE["alias_of"]] != new[PAGE["alias_of"]]:
                found.append(f"{view_name} changed the live {old[3]}")
        for page in new_pages:
            if page[PAGE["live"]] or page[PAGE["alias_of"]]:
                found.append(f"{view_name} created {page[3]} live")
    return found


# --- the walk -------------------------------------------------------------------------------


def member(django_user_model, group):
    user = django_user_model.objects.create_user(
        f"membre-{group.split()[-1].lower()}", "membre@example.org", "x"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def walk_as(group, user, world, capture):
    """(problems, view names asked, requests made) for one group's member."""
    language = GROUPS[group]
    languages = ["fr", language, "es" if language == "en" else "en"] if language else ["fr", "en"]
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    # Logged in once, outside the requests' savepoints: each request's rollback puts the
    # session row back as the login left it (a logout or a new key included), and the cookie
    # is put back before the next, so every request starts from that same fresh session.
    client.force_login(user)
    session = copy.copy(client.cookies[settings.SESSION_COOKIE_NAME])
    before = snapshot()
    unchanged = fingerprint()
    problems = []
    asked = set()
    done = set()
    for pieces, name in admin_patterns():
        for values, page in candidates(pieces, name, world, languages):
            path = build(pieces, values) + values.get("_query", "")
            if page is not None:
                path += f"?id={page.pk}"
            if path in done:  # a view served in place of another (home/admin/localize.py)
                continue
            done.add(path)
            for method in ("get", "post"):
                with transaction.atomic():
                    client.cookies[settings.SESSION_COOKIE_NAME] = copy.copy(session)
                    client.cookies["csrftoken"] = CSRF
                    written = rows_written()
                    with capture(execute=True):
                        if method == "get":
                            response = client.get(path)
                        else:
                            response = client.post(path, post_data(world, page))
                    if written is not None:  # exact: compared in full after any write
                        wrote = rows_written() != written
                    else:
                        wrote = method == "post" or fingerprint() != unchanged
                    after = snapshot() if wrote else before
                    transaction.set_rollback(True)
                if wrote or method == "post":  # a deleted image's file goes at once, even
                    world.restore_files()  # when its row comes back
                view_name = resolve(path.split("?")[0]).view_name
                asked.add(view_name)
                where = f"{group}: {method.upper()} {path} ({view_name})"
                if response.status_code >= 500 and not upstream_crash(method, view_name):
                    problems.append(f"{where}: {response.status_code}")
                if response.status_code == 403 and b"CSRF" in response.content:
                    problems.append(f"{where}: refused for its CSRF token")
                problems += [
                    f"{where}: {v}" for v in violations(group, language, view_name, before, after)
                ]
    return problems, asked, len(done)


@pytest.mark.parametrize("group", GROUPS)
def test_every_admin_url_holds_each_groups_rules(
    group, world, django_user_model, django_capture_on_commit_callbacks
):
    """One group's walk per test, so that the workers share the four walks."""
    problems, asked, addresses = walk_as(
        group, member(django_user_model, group), world, django_capture_on_commit_callbacks
    )
    world.restore_files()
    # Every URL was asked, the project's and wagtail-localize's own among them.
    assert addresses > 300
    for expected in (
        "localize_update_translations",
        "localize_submit_page_translation",
        "localize_convert_to_alias",
        "wagtailadmin_pages:delete",
        "wagtailadmin_pages:move_confirm",
        "wagtailadmin_pages:copy",
        "wagtail_bulk_action",
        "programme_release",
        "programme_import",
        "editions_new_edition",
    ):
        assert expected in asked, expected
    assert problems == [], "\n".join(problems)
