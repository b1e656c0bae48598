"""The admin home's panel on the current edition: when it starts, where registration stands,
how much of the programme is in, and what is still missing. It lives in the programme app,
the highest that it reads (sessions, partners, the edition)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from editions.current import editors_edition
from editions.models.choices import Registration, RegistrationState
from home.translation import OUTDATED, UNTRANSLATED, statuses
from partners.models import EditionPartner

from .grid import SPEAKER_TYPES
from .models import ProgrammePage, SessionPage, SessionSpeaker


def untranslated_by_language(edition):
    """{language code: {"untranslated": [pages], "outdated": [pages]}} for the edition's
    pages: not translated yet (the French words are shown), or to update because the French
    words changed since (home/translation/)."""
    pages = list(Page.objects.descendant_of(edition, inclusive=True).order_by("path"))
    keys = [p.translation_key for p in pages]
    found = {}
    for locale in Locale.objects.exclude(pk=edition.locale_id).order_by("language_code"):
        state = statuses(Page, keys, locale)
        found[locale.language_code] = {
            "untranslated": [p for p in pages if state[p.translation_key] == UNTRANSLATED],
            "outdated": [p for p in pages if state[p.translation_key] == OUTDATED],
        }
    return found


def edition_summary(edition, now=None):
    now = now or timezone.now()
    sessions = list(SessionPage.objects.descendant_of(edition).order_by("start"))
    with_speakers = set(
        SessionSpeaker.objects.filter(session__in=sessions).values_list("session_id", flat=True)
    )
    speakers = (
        SessionSpeaker.objects.filter(session__in=sessions).values("person_id").distinct().count()
    )
    partner_rows = list(
        EditionPartner.objects.filter(edition=edition)
        .select_related("partner")
        .order_by("sort_order")
    )
    start_day = edition.local_start.date()
    today = edition.local(now).date()
    registration = edition.registration(edition.locale.language_code, now=now)
    if registration is None and edition.registration_state(now) is not None:
        # The public pages say nothing of registration once the edition is over; its
        # editors still read that it closed.
        registration = Registration(
            state=RegistrationState.CLOSED, url="", opens=edition.registration_opens
        )
    return {
        "edition": edition,
        "programme": ProgrammePage.objects.child_of(edition).first(),
        "days_until": (start_day - today).days,
        "in_progress": edition.start <= now < edition.end,
        "ended": edition.has_ended(now),
        "registration": registration,
        "session_count": len(sessions),
        "draft_count": sum(1 for s in sessions if not s.live),
        "speaker_count": speakers,
        "partner_count": len(partner_rows),
        "sessions_without_speakers": [
            s for s in sessions if s.pk not in with_speakers and s.session_type in SPEAKER_TYPES
        ],
        "partners_without_logo": [row.partner for row in partner_rows if not row.partner.logo_id],
        "untranslated": untranslated_by_language(edition),
    }


class CurrentEditionPanel(Component):
    name = "current_edition"
    template_name = "programme/admin/edition_dashboard.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        edition = editors_edition()
        context["summary"] = edition_summary(edition) if edition else None
        context["heading"] = (
            _("Edition in preparation") if edition and not edition.live else _("Current edition")
        )
        return context
