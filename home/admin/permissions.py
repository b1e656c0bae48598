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

from home.translators import translator_locale_ids

# What shapes the tree, its visibility and its timing: never a translator's.
NOT_FOR_TRANSLATORS = (
    "can_add_subpage",
    "can_delete",  # and so can_move, which Wagtail asks as can_delete(ignore_bulk=True)
    "can_copy",  # and so can_copy_to
    "can_unpublish",
    "can_set_view_restrictions",
    "can_unschedule",
    "can_publish_subpage",
    "can_reorder_children",
    "can_lock",
)


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

    def can_schedule(self):
        """Set a go-live or expiry date (our programme release, Wagtail's schedule)."""
        return self.translator_locales is None and self.can_publish()


def refused_to_translators(name):
    wagtails = getattr(PagePermissionTester, name)

    def check(self, *args, **kwargs):
        return self.translator_locales is None and wagtails(self, *args, **kwargs)

    check.__name__ = name
    return check


for _name in NOT_FOR_TRANSLATORS:
    setattr(RolePagePermissionTester, _name, refused_to_translators(_name))
