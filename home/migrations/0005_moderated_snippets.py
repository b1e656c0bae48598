"""People, rooms, venues, partners and tiers are moderated as pages are (issue 24).

- Every row stays live (the new `live` field defaults to true) and gets a first revision, so
  that its history starts from what the public sees today and « Comparer » has a base.
- They go through the « Relecture par un modérateur » workflow (WorkflowContentType).
- « Modérateurs » publish, lock and unlock them; « Rédacteurs » keep add and change (their
  edits are drafts). Translators may publish too: the admin's guards keep them to their own
  language's translations (home/wagtail_hooks.py), and a translation only holds words.
"""

from django.db import migrations
from django.utils import timezone

SNIPPETS = [
    ("programme", "person"),
    ("programme", "room"),
    ("editions", "venue"),
    ("partners", "partner"),
    ("partners", "partnertier"),
]
WORKFLOW = "Relecture par un modérateur"
EXTRA = {"publish": "Can publish", "lock": "Can lock", "unlock": "Can unlock"}


def permission(Permission, content_type, model, action):
    found, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model._meta.model_name}",
        defaults={"name": f"{EXTRA[action]} {model._meta.verbose_name_raw}"},
    )
    return found


def label(obj):
    """What str() says of the row (historical models have no __str__)."""
    name = getattr(obj, "name", None)
    if name is None:
        name = " ".join(part for part in [obj.first_name, obj.last_name] if part)
    return name


def forwards(apps, schema_editor):
    from modelcluster.models import get_serializable_data_for_fields

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Revision = apps.get_model("wagtailcore", "Revision")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    moderators = Group.objects.filter(name="Modérateurs").first()
    translators = list(Group.objects.filter(name__startswith="Traducteurs "))
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    now = timezone.now()
    for app_label, model_name in SNIPPETS:
        model = apps.get_model(app_label, model_name)
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model=model_name
        )
        extra = {action: permission(Permission, content_type, model, action) for action in EXTRA}
        if moderators is not None:
            moderators.permissions.add(*extra.values())
        for group in translators:
            group.permissions.add(extra["publish"])
        if workflow is not None:
            WorkflowContentType.objects.update_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )
        for obj in model.objects.filter(latest_revision__isnull=True):
            revision = Revision.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(obj.pk),
                created_at=now,
                object_str=label(obj),
                content=get_serializable_data_for_fields(obj),
            )
            model.objects.filter(pk=obj.pk).update(
                live=True,
                latest_revision=revision.pk,
                live_revision=revision.pk,
                has_unpublished_changes=False,
            )


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    types = [
        ContentType.objects.filter(app_label=app, model=model).first() for app, model in SNIPPETS
    ]
    WorkflowContentType.objects.filter(content_type__in=[t for t in types if t]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_translationstatus"),
        ("wagtailcore", "0098_apitoken"),
        ("programme", "0009_moderated"),
        ("partners", "0005_moderated"),
        ("editions", "0010_moderated"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
