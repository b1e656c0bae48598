"""The base of the inline rows of pages (a practical page's transport lines, contacts and
links, a session's speakers and partners, an edition's partners)."""

from functools import cache

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.models import Orderable, TranslatableMixin

from home.translation import FromFacts


def once_per_parent(parent, *fields, name):
    """The database's rule that `fields` are held once per `parent` (the ParentalKey's
    name); the row model's ``unique_in_parent`` is read from it."""
    return models.UniqueConstraint(fields=[parent, *fields], name=name)


@cache
def constraint_fields(model):
    """The fields of `model`'s once_per_parent constraint, after its parent."""
    parent = next(f.name for f in model._meta.fields if isinstance(f, ParentalKey))
    for constraint in model._meta.constraints:
        fields = getattr(constraint, "fields", ())
        if isinstance(constraint, models.UniqueConstraint) and fields and fields[0] == parent:
            return tuple(fields[1:])
    return ()


class FromConstraint:
    """``unique_in_parent`` as the model's constraint declares it, so that the form and the
    database cannot disagree."""

    def __get__(self, instance, owner):
        return constraint_fields(owner)


class InlineRow(TranslatableMixin, Orderable):
    """A row of a page's inline panel: ordered by the editor, in its page's language, its
    facts its parent's ``fact_relations`` (home/translation/), and once per parent. The
    model's ``once_per_parent`` constraint is the one declaration of what makes a row one:
    the admin's form refuses a repeated row with ``duplicate_message``, a revision's repeated
    rows are dropped (home/forms.py), and the database refuses the rest."""

    override_translatable_fields = FromFacts()

    unique_in_parent = FromConstraint()
    duplicate_message = ""

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
