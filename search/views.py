"""The public search: sessions, pages, people and partners of the visitor's language, newest
edition first, filterable by edition and session type; accents do not matter."""

from urllib.parse import urlencode

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend as backend

from editions.models import EditionPage, Venue
from home import visibility
from home.text import search_terms
from partners.models import EditionPartner, Partner, PartnersPage
from sessions.models import Person, SessionPage, SessionSpeaker, SessionType, SpeakerIndexPage

LIMIT = 50


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    # Only what the public may see (home/visibility.py).
    editions = list(
        visibility.visible(EditionPage.objects.filter(locale=locale)).order_by("-start")
    )
    edition = next((e for e in editions if str(e.year) == request.GET.get("edition")), None)
    session_type = request.GET.get("type") if request.GET.get("type") in SessionType.values else ""
    results = find(query, locale, editions, edition, session_type) if query else None
    params = {
        k: v
        for k, v in (("q", query), ("edition", edition and edition.year), ("type", session_type))
        if v
    }
    return TemplateResponse(
        request,
        "pages/search.html",
        {
            "search_query": query,
            "results": results,
            "editions": editions,
            "chosen_edition": edition,
            "chosen_type": session_type,
            "type_options": SessionType.choices,
            "language_links": language_links(params),
        },
    )


def find(query, locale, editions, edition, session_type):
    terms = search_terms(query)
    if not terms:
        return []
    prefix = len(editions[0].path) if editions else 0
    by_path = {e.path: e for e in editions}
    if session_type:
        pages = visibility.visible(
            SessionPage.objects.filter(locale=locale, session_type=session_type)
        )
    else:
        pages = visibility.visible(Page.objects.filter(locale=locale)).specific()
    if edition is not None:
        pages = pages.descendant_of(edition, inclusive=True)
    found = list(pages.search(terms, operator="and")[:LIMIT])
    rows = [
        {"kind": "page", "page": page, "edition": by_path.get(page.path[:prefix]), "rank": rank}
        for rank, page in enumerate(found)
    ]
    for row in rows:
        if row["edition"] is not None:
            # A session's status and times depend on its edition: known here, no query.
            row["page"].know_edition(row["edition"])
    # An edition's result shows its venue: read for all of them at once.
    found_editions = [row["page"] for row in rows if isinstance(row["page"], EditionPage)]
    venues = Venue.objects.live().in_bulk({e.venue_id for e in found_editions if e.venue_id})
    for found_edition in found_editions:
        found_edition.venue = venues.get(found_edition.venue_id)
    # Newest edition first, pages outside any edition last; relevance within an edition.
    rows.sort(
        key=lambda r: (
            r["edition"] is None,
            -(r["edition"].start.timestamp()) if r["edition"] else 0,
            r["rank"],
        )
    )
    if not session_type:
        rows += people(terms, locale, editions, edition, by_path, prefix)
        rows += partners(terms, locale, editions, edition)
    return rows


def search_snippets(model, terms, locale):
    """The visitor's language's published snippets, and the French ones with no published
    translation (the pages show those in French: nothing disappears for lack of a
    translation). Drafts are never found."""
    live = model.objects.live()
    source = Locale.get_default()
    mine = live.filter(locale=locale)
    if source.pk == locale.pk:
        return list(backend().search(terms, mine, operator="and")[:LIMIT])
    # A translation is shown only once its French is live too (home/translation/facts.py).
    french_keys = set(live.filter(locale=source).values_list("translation_key", flat=True))
    found = [
        obj
        for obj in backend().search(terms, mine, operator="and")[:LIMIT]
        if obj.translation_key in french_keys
    ]
    if len(found) >= LIMIT:
        return found
    translated = french_keys & set(mine.values_list("translation_key", flat=True))
    french = backend().search(terms, live.filter(locale=source), operator="and")
    found += [obj for obj in french[:LIMIT] if obj.translation_key not in translated]
    return found[:LIMIT]


def newest_per_item(pairs, edition_of, only=None):
    """{item id: the newest edition it appears in}, from (item id, key) pairs."""
    newest = {}
    for item_id, key in pairs:
        found = edition_of(key)
        if found is None or (only is not None and found != only):
            continue
        if item_id not in newest or found.start > newest[item_id].start:
            newest[item_id] = found
    return newest


def people(terms, locale, editions, edition, by_path, prefix):
    found = search_snippets(Person, terms, locale)
    if not found or not editions:
        return []
    sessions = visibility.visible(SessionPage.objects.all()).values("pk")
    pairs = SessionSpeaker.objects.filter(person__in=found, session__in=sessions).values_list(
        "person_id", "session__path"
    )
    spoke_at = newest_per_item(pairs, lambda path: by_path.get(path[:prefix]), only=edition)
    indexes = {
        page.path[:prefix]: page
        for page in visibility.visible(
            SpeakerIndexPage.objects.filter(locale=locale, depth=editions[0].depth + 1)
        )
    }
    rows = []
    for person in found:
        where = spoke_at.get(person.pk)
        index = indexes.get(where.path) if where else None
        if index is not None:
            url = index.url + index.reverse_subpage(
                "person_route", kwargs={"person_slug": person.slug}
            )
            rows.append({"kind": "person", "person": person, "edition": where, "url": url})
    return rows


def partners(terms, locale, editions, edition):
    found = search_snippets(Partner, terms, locale)
    if not found or not editions:
        return []
    pairs = EditionPartner.objects.filter(partner__in=found, edition__live=True).values_list(
        "partner_id", "edition_id"
    )
    by_id = {e.pk: e for e in editions}
    newest = newest_per_item(pairs, by_id.get, only=edition)
    # Keyed by their parent's path (no query per page).
    pages = {
        p.path[: -Page.steplen]: p
        for p in visibility.visible(PartnersPage.objects.filter(locale=locale))
    }
    rows = []
    for partner in found:
        where = newest.get(partner.pk)
        if where is None:
            continue
        page = pages.get(where.path)
        rows.append(
            {
                "kind": "partner",
                "partner": partner,
                "edition": where,
                "url": page.url if page else where.url,
            }
        )
    return rows


def language_links(params):
    """The same search in each language."""
    suffix = f"?{urlencode(params)}" if params else ""
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("search") + suffix
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "shows_french_words": False,
            }
        )
    return links
