"""The translatable snippet base, and the one rule for which snippets the public sees.

People, partners and their tiers, venues and rooms are moderated as pages are: a Rédacteur's
edit is a draft (a revision) and a Modérateur publishes it. Wagtail keeps a snippet's live
version in its row and its drafts in revisions, so whatever reads a live snippet's row reads
what was published. What the public must never see is a snippet that is not live at all (one
created as a draft and not yet published, or unpublished): every public output reads these
models through ``SnippetQuerySet.live()``, ``shown_rows()`` (the inline rows that point to
them) or ``hide_drafts()`` (the foreign keys of objects already loaded).
"""

from django.db import models
from django.db.models import Q

from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from home.forms import PrintableModelForm
from home.translation import FactsFromSource, FromFacts


class SnippetQuerySet(models.QuerySet):
    def live(self):
        """What the public may see: published snippets only."""
        return self.filter(live=True)


class TranslatableSnippet(
    FactsFromSource,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    models.Model,
):
    """A fact that outlives one edition (a person, a partner, a venue, a room): stored once,
    translated with wagtail-localize, its facts taken from the French (home/translation/),
    published through the « Relecture par un modérateur » workflow.
    Its change drops what shows it from the page cache:
    ``dropped_cache_tags()`` here, and whatever points to it (home/caching/invalidation.py)."""

    # Refuses control characters on the field (home/forms.py).
    base_form_class = PrintableModelForm

    objects = SnippetQuerySet.as_manager()

    # A translation (« Traduire ») starts its own history: none of the French's publication
    # dates, revision or lock.
    exclude_fields_in_copy = [
        "live_revision",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
    ]

    # wagtail-localize's declaration, derived from the facts (home/translation/).
    override_translatable_fields = FromFacts()

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None and self.live and self.live_revision_id is None:
            # A live row written by code (the demo, an import, a copy) gets a revision of
            # what the public sees: history and « Comparer » start from it, and a scheduled
            # change then keeps the row live until its time (Wagtail takes a snippet with
            # no live revision for one never published, and would take it offline).
            revision = self.save_revision(changed=False, clean=False)
            type(self)._base_manager.filter(pk=self.pk).update(live_revision=revision)
            self.live_revision = revision

    def dropped_cache_tags(self):
        return set()


def is_moderated(model):
    return isinstance(model, type) and issubclass(model, TranslatableSnippet)


def moderated_foreign_keys(model):
    """The foreign keys of `model` that point to a moderated snippet."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one and is_moderated(field.related_model)
    ]


def live_filter(model, prefix=""):
    """A Q keeping the rows of `model` whose moderated snippets are all live (a speaker row's
    person, a partner row's partner and tier)."""
    query = Q()
    for field in moderated_foreign_keys(model):
        query &= Q(**{f"{prefix}{field.name}__live": True})
    return query


def shown_rows(queryset):
    """The rows of `queryset` the public may see: those whose snippets are live."""
    return queryset.filter(live_filter(queryset.model))


def shows_live(obj):
    """Whether every moderated snippet that `obj` points to is live (the related objects
    loaded with it are read as they are; others cost a query)."""
    for field in moderated_foreign_keys(type(obj)):
        if getattr(obj, field.attname) is not None and not getattr(obj, field.name).live:
            return False
    return True


def shown(rows):
    """`shown_rows` for rows already loaded (a prefetched speaker list): those whose
    snippets are live, in their order."""
    return [row for row in rows if shows_live(row)]


def hide_drafts(objects):
    """Objects already loaded (sessions, editions, practical pages) forget the snippets they
    point to that are not live, in memory: the public sees no room, venue or author that a
    moderator has not published. The related objects loaded with them are read as they are,
    the others in one query per kind of snippet; never saved (public reads do not save)."""
    objects = [obj for obj in objects if obj is not None]
    unknown = {}
    for obj in objects:
        for field in moderated_foreign_keys(type(obj)):
            value = getattr(obj, field.attname)
            if value is None:
                continue
            if field.is_cached(obj):
                related = field.get_cached_value(obj)
                if related is not None and not related.live:
                    setattr(obj, field.name, None)
            else:
                unknown.setdefault(field, []).append(obj)
    for field, found in unknown.items():
        pks = {getattr(obj, field.attname) for obj in found}
        live = set(
            field.related_model._base_manager.filter(pk__in=pks, live=True).values_list(
                "pk", flat=True
            )
        )
        for obj in found:
            if getattr(obj, field.attname) not in live:
                setattr(obj, field.name, None)
    return objects
