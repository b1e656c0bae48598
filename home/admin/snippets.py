"""The admin of the moderated snippets (people, rooms, venues, partners, tiers).

Wagtail's snippet views do the moderation itself (drafts, revisions, « Comparer », locking,
the workflow, scheduling) once the models carry its mixins (home/models/snippets.py). Two
doors need more than the model's permissions:

- a chooser's « Ajouter » (a speaker created from the session's chooser) saves its form
  directly, which would make the new snippet live: here it is a draft with its first
  revision, published at once only for someone who may publish;
- « Dépublier » and « Annuler la programmation » ask the publish permission of the model as
  a whole, which translators hold for their language's translations: as for pages, a
  translator never unpublishes nor changes a schedule (home/admin/permissions.py);
- « Copier » shows a form prefilled from the original, which the browser sends to « Ajouter ».
  Wagtail's copy view also answers a POST itself, and saves it over the original (its
  form's instance): a Rédacteur's POST there replaced a live person and took it off the
  site. The copy view here only shows the form.

Every list opens its items: its first column links to the item's edit view, also when a
viewset names that column itself (a person's « Nom », `full_name`, sorted by last name),
which Wagtail would otherwise show as plain text.
"""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property

from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, TitleColumn
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import (
    CopyView,
    IndexView,
    RevisionsUnscheduleView,
    SnippetViewSet,
    UnpublishView,
)

from home.translators import translator_languages


def may_publish(user, model):
    return policy_registry.get_by_type(model).user_has_permission(user, "publish")


def save_as_draft(obj, user):
    """A new snippet made from a form: a draft and its first revision, published only by
    someone who may publish."""
    obj.live = False
    obj.save()
    revision = obj.save_revision(user=user, log_action=True)
    if may_publish(user, type(obj)):
        revision.publish(user=user)
        obj.refresh_from_db()
    return obj


class DraftCreateView(SnippetCreateView):
    def save_form(self, form):
        return save_as_draft(form.save(commit=False), self.request.user)


class ModeratedChooserViewSet(SnippetChooserViewSet):
    create_view_class = DraftCreateView


class NotForTranslators:
    def dispatch(self, request, *args, **kwargs):
        if translator_languages(request.user) is not None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModeratedUnpublishView(NotForTranslators, UnpublishView):
    pass


class ModeratedUnscheduleView(NotForTranslators, RevisionsUnscheduleView):
    pass


class FormOnlyCopyView(CopyView):
    """The copy's form, sent to the create view (its action); never a save of its own."""

    http_method_names = ["get", "head", "options"]


class LinkedIndexView(IndexView):
    """A snippet list whose first column (after the bulk actions' boxes) opens the item."""

    @cached_property
    def columns(self):
        columns = list(super().columns)
        first = next(
            i
            for i, column in enumerate(columns)
            if not isinstance(column, BulkActionsCheckboxColumn)
        )
        if type(columns[first]) is Column:  # a value of its own, not already a title column
            columns[first] = self.linked(columns[first])
        return columns

    def linked(self, column):
        """The column as Wagtail's title column: the same value, label and sorting, a link to
        the edit view (the inspect view for who may not edit) and the row's buttons."""
        title_column = self._get_title_column_class(TitleColumn)
        return title_column(
            column.name,
            label=column.label,
            accessor=column.accessor,
            classname=column.classname,
            sort_key=column.sort_key,
            width=column.width,
            get_url=lambda instance: self.get_edit_url(instance) or self.get_inspect_url(instance),
            get_title_id=lambda instance: f"snippet_{quote(instance.pk)}_title",
        )


class ModeratedSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = ModeratedChooserViewSet
    index_view_class = LinkedIndexView
    copy_view_class = FormOnlyCopyView
    unpublish_view_class = ModeratedUnpublishView
    revisions_unschedule_view_class = ModeratedUnscheduleView
