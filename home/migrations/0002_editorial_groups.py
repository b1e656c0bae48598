"""The editorial roles, set up by migration rather than by hand:

- « Rédacteurs » (Wagtail's "Editors") add and edit pages and submit them for moderation;
  they cannot publish.
- « Modérateurs » (Wagtail's "Moderators") also publish, lock and unlock, and approve or
  reject what is submitted through the « Relecture par un modérateur » workflow on the
  whole tree.

Both manage the shared snippets (people, rooms, venues, partners and their tiers); only
moderators delete them. Wagtail's own image and document permissions for these groups stay.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = ("Editors", "Rédacteurs")
MODERATORS = ("Moderators", "Modérateurs")
WORKFLOW = ("Moderators approval", "Relecture par un modérateur")
PAGE_PERMISSIONS = {
    "Rédacteurs": ["add_page", "change_page"],
    "Modérateurs": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
SNIPPETS = [
    ("programme", "person"),
    ("programme", "room"),
    ("editions", "venue"),
    ("partners", "partner"),
    ("partners", "partnertier"),
]


def group(Group, names):
    old, new = names
    found = Group.objects.filter(name__in=[new, old]).order_by("-name").first()
    if found is None:
        return Group.objects.create(name=new)
    found.name = new
    found.save()
    return found


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; these need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    editors = group(Group, EDITORS)
    moderators = group(Group, MODERATORS)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root = Page.objects.filter(depth=1).first()
    for role in (editors, moderators):
        role.permissions.add(access_admin)
        for codename in PAGE_PERMISSIONS[role.name]:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            if root is not None:
                GroupPagePermission.objects.get_or_create(
                    group=role, page=root, permission=permission
                )
        actions = ["add", "change"] + (["delete"] if role == moderators else [])
        for app_label, model in SNIPPETS:
            for action in actions:
                role.permissions.add(
                    Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model}"
                    )
                )

    old_name, new_name = WORKFLOW
    workflow = Workflow.objects.filter(name__in=[old_name, new_name]).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=new_name, active=True)
    workflow.name = new_name
    workflow.active = True
    workflow.save()
    task = GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow
    ).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=new_name, content_type=content_type, active=True
        )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    Task.objects.filter(pk=task.pk).update(name=new_name)
    task.groups.set([moderators])
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for old, new in (EDITORS, MODERATORS):
        Group.objects.filter(name=new).update(name=old)
    Workflow.objects.filter(name=WORKFLOW[1]).update(name=WORKFLOW[0])
    Task.objects.filter(name=WORKFLOW[1]).update(name=WORKFLOW[0])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("programme", "0003_session_reference"),
        ("editions", "0004_registration_provider"),
        ("partners", "0002_default_tiers"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
