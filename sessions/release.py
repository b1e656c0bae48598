"""The programme's release: its page and sessions (and their translations) go live together.

What a release schedules is decided here, page by page:

- a page's latest changes are scheduled when they are its publisher's to make: saved by
  someone who may publish the page (the moderator scheduling, another moderator, a
  translator in their language, the import run by a moderator, the system), or already
  approved. A Rédacteur's draft that nobody submitted, or one still in moderation, is left
  out, and the release says so: it never goes live behind the editors' backs;
- an alias is left to follow its French page (Wagtail updates aliases when their source is
  published): scheduling one would be saving a revision of an alias;
- a page already live with nothing new has nothing to schedule;
- a translation whose French page is left out (and not live yet) is left out too: no
  language shows a session the French programme does not.
- a translation whose French page goes live with the release follows it at that moment
  (home/translation/publishing.py), in its own words where every string is translated
  against the words then published, else with the French words: its own latest revision
  may be a draft made against older French words (the copy's, last year's);
- a translation of a French page already live is scheduled only when every string is
  translated, as wagtail-localize builds it then.

A scheduled page is not locked (home/models/base.py, BasePage.get_lock): editors keep
working, and a new draft waits for its own publication while the scheduled revision goes
live at its time. « Annuler la publication programmée » cancels the whole release at once.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Page, Revision

from home.translation.facts import is_source
from home.translation.publishing import complete_translation

from .models import SessionPage


@dataclass
class Left:
    page: Page
    reason: str
    # A translation that goes live with its French page rather than with its own draft:
    # not scheduled itself, but not held back either.
    follows: bool = False

    @property
    def held_back(self):
        return not self.follows and not self.page.alias_of_id


def release_pages(programme, translations=True):
    """The programme page, its sessions and, if asked, their translations, parents first."""
    pages = [programme, *SessionPage.objects.child_of(programme).order_by("path")]
    if translations:
        keys = [page.translation_key for page in pages]
        pages += list(
            Page.objects.filter(translation_key__in=keys)
            .exclude(locale=programme.locale)
            .order_by("depth", "path")
            .specific()
        )
    return pages


def author_of(revision):
    return revision.user.get_full_name() or revision.user.get_username()


def why_left_out(page, user):
    """None when `user` schedules `page`'s latest changes, else the reason, in French."""
    if page.alias_of_id:
        return _("an alias: it follows its French page")
    permissions = page.permissions_for_user(user)
    if not permissions.can_schedule():
        return _("you may not schedule it")
    if page.live and not page.has_unpublished_changes:
        return _("already live, with nothing new")
    if page.workflow_in_progress:
        return _("in moderation: approve it first")
    revision = page.latest_revision
    by_another = revision is not None and revision.user_id not in (None, user.pk)
    if by_another and not page.permissions_for_user(revision.user).can_publish():
        return _("a draft by %(author)s, never submitted for moderation") % {
            "author": author_of(revision)
        }
    return None


def translation_complete(page):
    """Whether every string of the translation `page` is translated against the French words
    wagtail-localize last captured (those of the live French page)."""
    return complete_translation(page.translation_key, page.locale_id) is not None


class ReleasePlan(NamedTuple):
    scheduled: list  # the pages to schedule
    left: list  # Left


def plan_release(programme, user, translations=True):
    """What `user`'s release of `programme` schedules and what it leaves out."""
    scheduled, left = [], []
    # A translation never goes live before its French page: when the French is left out
    # and not live yet, so are its translations. When the French goes live with the
    # release, its translations follow it at that moment (home/translation/publishing.py):
    # in their own words where every string is translated against the words then
    # published, else with the French words. Scheduling their own latest revision would
    # publish a draft made against older French words (the copy's, last year's).
    held_back, going = set(), set()
    for page in release_pages(programme, translations):
        reason = why_left_out(page, user)
        if page.locale_id == programme.locale_id:
            if reason is not None and not page.live:
                held_back.add(page.translation_key)
            elif reason is None:
                going.add(page.translation_key)
        elif page.translation_key in held_back:
            reason = _("its French page is left out of the release")
        elif reason is None and page.translation_key in going:
            left.append(Left(page, _("goes live with its French page"), follows=True))
            continue
        elif reason is None and not translation_complete(page):
            reason = _("strings still to translate: it keeps showing what it shows now")
        if reason is None:
            scheduled.append(page)
        else:
            left.append(Left(page, reason))
    return ReleasePlan(scheduled, left)


def scheduled_draft(page):
    """The version of `page` a release schedules: its latest revision, or for a translation
    its translated words as wagtail-localize builds them now (its latest revision may be
    older than its strings). Built in memory, as wagtail-localize's preview builds it:
    its create_or_update_translation(publish=False) also saves the live page, which would
    show the new words before the release."""
    if is_source(page) or page.alias_of_id:
        return page.get_latest_revision_as_object()
    from wagtail_localize.models import Translation

    source = Translation.objects.get(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    ).source
    return source.get_ephemeral_translated_instance(page.locale, fallback=True)


def schedule_release(pages, when, user=None):
    """Wagtail's scheduled publishing, for every page at once: each page's latest revision
    is approved to go live at `when` (`manage.py publish_scheduled` publishes it then)."""
    with transaction.atomic():
        for page in pages:
            draft = scheduled_draft(page)
            draft.go_live_at = when
            revision = draft.save_revision(user=user, log_action=True)
            revision.publish(user=user)
    return len(pages)


def scheduled_pages(programme):
    """The release's pages (in every language) that wait for a scheduled publication."""
    pages = release_pages(programme)
    waiting = set(
        Revision.page_revisions.filter(
            object_id__in=[str(page.pk) for page in pages], approved_go_live_at__isnull=False
        ).values_list("object_id", flat=True)
    )
    return [page for page in pages if str(page.pk) in waiting]


def cancel_release(programme, user):
    """Every scheduled publication of the programme's pages is cancelled (as Wagtail's own
    « Annuler la programmation » does for one page, logged the same way); drafts stay."""
    pages = scheduled_pages(programme)
    with transaction.atomic():
        for page in pages:
            revision = page.scheduled_revision
            revision.approved_go_live_at = None
            revision.save(user=user, update_fields=["approved_go_live_at"])
            if not page.live:
                type(page).objects.filter(pk=page.pk).update(go_live_at=None)
    return len(pages)
