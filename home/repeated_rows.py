"""Merging rows an inline panel holds twice (wagtail/wagtail#14568's autosave made them),
before a migration adds the database constraint that refuses them. Used by migrations:
it reads the historical models it is given."""

from django.db.models import Count


def merge_repeated_rows(app_label, model_name, parent_field, fields):
    """A RunPython function: per parent, keep the first row (by sort order) of each set of
    rows with the same `fields`, fill its empty text fields from the others, delete them."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        keys = [f"{parent_field}_id"] + [
            f"{name}_id" if model._meta.get_field(name).is_relation else name for name in fields
        ]
        groups = model.objects.values(*keys).annotate(rows=Count("pk")).filter(rows__gt=1)
        texts = [
            f.name
            for f in model._meta.concrete_fields
            if f.get_internal_type() in ("CharField", "TextField") and f.blank
        ]
        for group in groups:
            group.pop("rows")
            rows = list(model.objects.filter(**group).order_by("sort_order", "pk"))
            kept, others = rows[0], rows[1:]
            for name in texts:
                if not getattr(kept, name):
                    setattr(
                        kept, name, next((getattr(o, name) for o in others if getattr(o, name)), "")
                    )
            kept.save()
            model.objects.filter(pk__in=[o.pk for o in others]).delete()

    return forwards
