"""What each admin role may do to a page, on top of Wagtail's page permissions.

Translators (« Traducteurs EN », « Traducteurs ES ») hold Wagtail's change and publish
permissions on their language's tree, which Wagtail also reads as leave to delete, move, copy,
unpublish, restrict or schedule pages there. Here a translator edits and publishes the pages
of their own language, and does nothing else to the tree: the tree's shape, its visibility
and its timing belong to the French editors. Every admin view that asks a page what a user
may do (Wagtail's, wagtail-localize's and ours) gets these answers, and hides its buttons
accordingly; docs/security.md has the whole matrix.
"""

from wagtail.models import PagePermissionTester

from .translators import translator_locale_ids


class RolePagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        # None for anyone who is not limited to some languages.
        self.translator_locales = translator_locale_ids(user) if user.is_active else None

    def in_their_language(self):
        return self.translator_locales is None or self.page.locale_id in self.translator_locales

    def can_edit(self):
        return self.in_their_language() and super().can_edit()

    def can_publish(self):
        return self.in_their_language() and super().can_publish()

    def translator_forbids(self):
        return self.translator_locales is not None

    # The tree's shape, visibility and timing: never a translator's.
    def can_add_subpage(self):
        return not self.translator_forbids() and super().can_add_subpage()

    def can_delete(self, ignore_bulk=False):
        return not self.translator_forbids() and super().can_delete(ignore_bulk)

    def can_copy(self):
        return not self.translator_forbids() and super().can_copy()

    def can_unpublish(self):
        return not self.translator_forbids() and super().can_unpublish()

    def can_set_view_restrictions(self):
        return not self.translator_forbids() and super().can_set_view_restrictions()

    def can_unschedule(self):
        return not self.translator_forbids() and super().can_unschedule()

    def can_publish_subpage(self):
        return not self.translator_forbids() and super().can_publish_subpage()

    def can_reorder_children(self):
        return not self.translator_forbids() and super().can_reorder_children()

    def can_lock(self):
        return not self.translator_forbids() and super().can_lock()

    def can_schedule(self):
        """Set a go-live or expiry date (our programme release, Wagtail's schedule)."""
        return not self.translator_forbids() and self.can_publish()
