"""The speakers page of an edition, with a page per person."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import path, re_path
from wagtail.models import Page

from editions.models import EditionChildPage, EditionPage
from home import visibility
from home.caching.invalidation import edition_keys
from home.caching.page_cache import keep_for_visitors
from home.models import RoutableBasePageMixin, hide_drafts

from .session import SessionPage
from .session_rows import SessionSpeaker
from .snippets import Person


class SpeakerIndexPage(RoutableBasePageMixin, EditionChildPage):
    """The speakers of an edition, with a page per person at <slug>/."""

    page_role = "speakers"
    shows_sessions = True
    # Its speakers' pages carry person:<key> (a person's change drops them; see pages_carrying).
    carries_cache_scope = "person"

    template = "pages/speaker_index_page.html"

    class Meta:
        verbose_name = _("speakers page")
        verbose_name_plural = _("speakers pages")

    def edition_sessions(self):
        """The edition's sessions a visitor of this page may see (not those of a restricted
        programme)."""
        return visibility.visible(SessionPage.objects.descendant_of(self.edition), within=self)

    def speakers(self):
        return (
            Person.objects.live()
            .filter(session_roles__session__in=self.edition_sessions())
            .select_related("photo")
            .distinct()
            .order_by("last_name", "first_name")
        )

    @classmethod
    def pages_carrying(cls, person_keys):
        """The speakers pages of the editions where these people speak (the CDN purge)."""
        sessions = SessionPage.objects.filter(
            speakers__person__translation_key__in=person_keys
        ).values_list("path", flat=True)
        own_type = ContentType.objects.get_for_model(cls)
        query = Q(pk__in=[])
        for edition in EditionPage.objects.filter(translation_key__in=edition_keys(sessions)):
            query |= Q(path__startswith=edition.path, content_type=own_type)
        return query

    def get_cached_paths(self):
        """The index and each speaker's page, for the CDN purge (wagtail.contrib.frontend_cache)."""
        return ["/"] + [f"/{slug}/" for slug in self.speakers().values_list("slug", flat=True)]

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides={"people": list(self.speakers())})

    @re_path(r"^(?P<person_slug>[-\w]+)/$")
    def person_route(self, request, person_slug):
        person = self.speakers().filter(slug=person_slug).first()
        if person is None:
            raise Http404
        roles = list(
            SessionSpeaker.objects.filter(person=person, session__in=self.edition_sessions())
            .select_related("session", "session__room")
            .order_by("session__start")
        )
        hide_drafts([role.session for role in roles])
        for role in roles:
            role.session.know_edition(self.edition)  # its status, without a query
        response = self.render(
            request,
            template="pages/speaker_detail_page.html",
            context_overrides={
                "person": person,
                "subpage_title": person.full_name,
                # Described by the person (templates' fallback), not by the list of speakers.
                "share_description": "",
                "roles": roles,
                "other_editions": self.other_editions(person),
            },
        )
        # The page also lists where the person speaks in other editions: a change of the
        # person, wherever they speak, drops it.
        return keep_for_visitors(response, self, tags={f"person:{person.translation_key}"})

    def other_editions(self, person):
        """The speaker index pages of the other editions where this person spoke, newest first."""
        edition = self.edition
        paths = (
            visibility.visible(SessionPage.objects.filter(speakers__person=person), within=self)
            .exclude(path__startswith=edition.path)
            .values_list("path", flat=True)
        )
        prefix_length = edition.depth * Page.steplen
        edition_paths = {p[:prefix_length] for p in paths}
        editions = visibility.visible(
            EditionPage.objects.filter(path__in=edition_paths), within=self
        ).order_by("-start")
        indexes = {
            index_page.path[:prefix_length]: index_page
            for index_page in visibility.visible(
                SpeakerIndexPage.objects.filter(depth=self.depth, locale_id=self.locale_id),
                within=self,
            )
        }
        return [(e, indexes.get(e.path)) for e in editions]
