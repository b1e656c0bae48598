"""The programme page's sessions, read the cheap way.

Every publish on the day, each combination of filters, each preview and each logged-in
editor makes the programme again without the page cache. Two things made it slow: loading
80 full session pages (StreamFields, modelcluster, 240 speaker rows) and rendering 80 cards.
So the page reads its sessions as plain rows (one SQL query, what the timetable and the
filters need), and each session's card is an HTML fragment kept in the cache under the
session's own tags (home.caching.fragments.fragments): a publish costs the card of the session
it touched, and the full pages (with their speakers) are loaded for the missing cards only.
"""

import hashlib
from dataclasses import dataclass

from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home.caching import sites
from home.caching.fragments import Kept, fragments
from sessions.choices import SessionFacts, SessionType

CARD_TEMPLATE = "components/session_card.html"

ROW_FIELDS = (
    "pk",
    "title",
    "start",
    "end",
    "dates_only",
    "session_type",
    "status",
    "room_id",
    "room__name",
    "room__live",
    "region",
    "language",
    "url_path",
    "slug",
    "translation_key",
    "last_published_at",
)


@dataclass(frozen=True)
class ListedRoom:
    pk: int
    name: str


class ListedSession(SessionFacts):
    """What the timetable, the filters and the card's key read of a session."""

    __slots__ = (
        *(name for name in ROW_FIELDS if not name.startswith("room__")),
        "room",
        "edition",
        "url",
        "card",
        "last_change",
    )

    def __init__(self, row, edition, url):
        for name in ROW_FIELDS:
            if not name.startswith("room__"):
                setattr(self, name, row[name])
        # A room a moderator has not published is not shown (home/models/snippets.py).
        if not row["room__live"]:
            self.room_id = None
        self.room = ListedRoom(row["room_id"], row["room__name"]) if self.room_id else None
        self.edition = edition
        self.url = url
        self.card = ""
        self.last_change = None

    def get_url(self, request=None):
        return self.url

    def get_session_type_display(self):
        return SessionType(self.session_type).label


def listed_sessions(programme, sessions, request):
    """`sessions` (a queryset of the programme's sessions) in the programme's order, as
    rows; each session's address is the programme's followed by its own place below it (the
    tree's `url_path`), as Wagtail's `pageurl` writes it."""
    rows = sessions.order_by("start", "end", "path").values(*ROW_FIELDS)
    edition = programme.edition
    base = programme.get_url(request)
    below = len(programme.url_path)
    return [ListedSession(row, edition, base + row["url_path"][below:]) for row in rows]


def card_variant(session, slot, show_day):
    """The card shows the day (associated events), the times (a slot whose sessions end at
    different times), or neither (the slot's heading says when)."""
    if show_day:
        return "day"
    if slot is not None and not slot.end and not session.dates_only:
        return "times"
    return "plain"


@dataclass(frozen=True)
class _SlotEnd:
    """What the card reads of its slot: whether its sessions share an end."""

    end: object


def card_key(session, variant, site, language):
    published = session.last_published_at.isoformat() if session.last_published_at else ""
    status = session.edition.status if session.edition else ""
    parts = (
        language,
        site,
        str(session.pk),
        variant,
        session.url_path,
        published,
        status,
    )
    return "session-card:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def give_cards(placed, request, load_pages):
    """Set `.card` on each session of `placed` [(session, slot, show_day)]: its HTML, from
    the cache when its tags have not changed since, else rendered from the full page
    (`load_pages(pks)` gives them, with what a card shows, in one go)."""
    wanted = {}
    site, language = sites.site_key(request), get_language()
    for session, slot, show_day in placed:
        variant = card_variant(session, slot, show_day)
        wanted[card_key(session, variant, site, language)] = (session, variant)

    def render(missing):
        return render_cards([wanted[key] for key in missing], missing, request, load_pages)

    html = fragments(list(wanted), render)
    for key, (session, _variant) in wanted.items():
        session.card = mark_safe(html.get(key, ""))


def render_cards(needed, keys, request, load_pages):
    """{key: Kept(card HTML, tags)} for `needed` [(listed session, variant)], from the full pages
    of those sessions."""
    pages = {page.pk: page for page in load_pages({listed.pk for listed, _v in needed})}
    template = get_template(CARD_TEMPLATE)
    made = {}
    for key, (listed, variant) in zip(keys, needed, strict=True):
        page = pages.get(listed.pk)
        if page is None:
            continue  # unpublished since the rows were read: no card, nothing kept
        page.know_edition(listed.edition)
        context = {
            "request": request,
            "session": page,
            "slot": _SlotEnd(end=None if variant == "times" else True),
            "show_day": variant == "day",
        }
        tags = {"site", f"page:{listed.translation_key}"}
        made[key] = Kept(template.render(context), tags)
    return made
