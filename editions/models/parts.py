from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property

from wagtail.models import Page

from editions.structured_data import edition_event
from home import visibility
from home.caching.fragments import Kept, fragment
from home.chrome import site_chrome
from home.models import hide_drafts, shown_rows
from home.roles import page_model
from home.structured_data import as_script_content


def group_by_tier(rows):
    """[(tier, [edition partner, …]), …] in the order the rows come."""
    groups = {}
    for row in rows:
        groups.setdefault(row.tier_id, (row.tier, []))[1].append(row)
    return list(groups.values())


class EditionParts:
    """What an edition page shows besides its own fields: its child pages (found through the
    tree by their role) and its partners (EditionPage)."""

    def partner_rows(self):
        return shown_rows(self.edition_partners.select_related("partner", "partner__logo", "tier"))

    @cached_property
    def all_partner_rows(self):
        """Every partner row of the edition, once per request (footer and partners list)."""
        return list(self.partner_rows().order_by("sort_order"))

    def footer_partners(self):
        return [row for row in self.all_partner_rows if row.show_in_footer]

    def child_pages(self, *roles):
        """The first child playing each of `roles` that a visitor of the edition may see (``page_role``: "programme",
        "practical"…), in one query per model found (its specific row), each knowing this
        page as its edition. The child page types are found through the tree and the app
        registry: an edition does not import the apps above it."""
        models = [page_model(role) for role in roles]
        types = ContentType.objects.get_for_models(*[m for m in models if m is not None])
        children = (
            visibility.visible(Page.objects.child_of(self), within=self)
            .filter(content_type__in=types.values())
            .order_by("path")
            .specific()
        )
        found = {}
        for child in children:
            found.setdefault(type(child), child)
            child.know_edition(self)
        return [found.get(model) for model in models]

    def parts(self, request):
        """What the edition page shows besides the sessions (its child pages, practical
        information, partners, editorial, venue): shared through the cache and dropped when
        the edition or one of its child pages changes; made afresh for a preview."""

        def compute():
            programme, practical, proceedings, partners_page = self.child_pages(
                "programme", "practical", "proceedings", "partners"
            )
            # Its venue, its editorial's author, the practical page's venue: live ones only.
            hide_drafts([self, practical])
            if practical is not None:
                prefetch_related_objects(
                    [practical], "transport_items", "contacts", "links", "venue"
                )
            if self.editorial_author_id:
                self.editorial_author = (
                    self.editorial_author.__class__.objects.select_related("photo")
                    .filter(pk=self.editorial_author_id)
                    .first()
                )
            rows = self.all_partner_rows
            found = {
                "programme": programme,
                "practical": practical,
                "proceedings": proceedings,
                "partners_page": partners_page,
                "partners_by_tier": self.partners_by_tier(rows),
                "venue": self.venue,
                "editorial_author": self.editorial_author,
                "editorial_photo": self.editorial_photo,
            }
            return Kept(found, self.page_and_edition_tags(self))

        if getattr(request, "is_preview", False):
            return compute().value
        found = fragment(f"edition-parts:{self.pk}", compute)
        for field in ("venue", "editorial_author", "editorial_photo"):
            if getattr(self, f"{field}_id") is not None:
                setattr(self, field, found[field])
        for child in ("programme", "practical", "proceedings", "partners_page"):
            if found[child] is not None:
                found[child].know_edition(self)
        return found

    def speaker_index(self):
        """The live speakers page of the edition (session pages link their speakers to their
        own pages below it), kept in the cache until the edition or one of its child pages
        changes (their publication marks the edition's tag)."""

        def compute():
            (index,) = self.child_pages("speakers")
            return Kept(index, self.page_and_edition_tags(self))

        index = fragment(f"speaker-index:{self.pk}", compute)
        if index is not None:
            index.know_edition(self)
        return index

    def partners_by_tier(self, rows=None):
        if rows is None:
            rows = self.partner_rows()
        return group_by_tier(sorted(rows, key=lambda row: (row.tier.order, row.sort_order)))

    # --- the edition page -------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parts = self.parts(request)
        programme = parts["programme"]
        context["programme_page"] = programme
        context["programme_days"] = programme.overview(request) if programme else []
        context["practical_info"] = parts["practical"]
        context["proceedings"] = parts["proceedings"] if self.has_ended() else None
        context["partners_page"] = parts["partners_page"]
        context["partners_by_tier"] = parts["partners_by_tier"]
        sessions = [s for day in context["programme_days"] for s in day.sessions]
        # Once it is over, the sessions that took place are a figure of the edition.
        held = self.has_ended() and self.can_be_attended
        context["key_figures"] = self.key_figures(len(sessions) if held else None)
        context["structured_data"] = self.structured_data(request, context)
        return context

    def structured_data(self, request, context):
        sessions = [s for day in context["programme_days"] for s in day.sessions]
        data = edition_event(
            self,
            request,
            site_chrome(request)["settings"],
            sessions=sessions,
            language=settings.LANGUAGE_CODE
            if context.get("shows_french_words")
            else self.locale.language_code,
        )
        return as_script_content(data)
