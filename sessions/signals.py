"""What changed in a programme is recorded as sessions are published, withdrawn or deleted
(sessions/changes.py)."""


def is_session(instance):
    from .models import SessionPage

    return isinstance(instance, SessionPage)


def on_published(sender, instance, revision=None, alias=False, **kwargs):
    if is_session(instance) and not alias:
        from .changes import record_publication
        from .people import publish_imported_people

        publish_imported_people(instance)
        record_publication(instance, revision)


def on_unpublished(sender, instance, **kwargs):
    if is_session(instance):
        from .changes import record_withdrawal

        record_withdrawal(instance)


def on_deleting(sender, instance, **kwargs):
    if is_session(instance) and instance.live:
        from .changes import record_withdrawal

        record_withdrawal(instance)


# --- rooms: their row itself, so that a room whose edits wait for publication (drafts and
# revisions) is recorded when the published values reach the row -------------------------


def room_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """Keep the names visitors read before the row changes (a query: rooms change rarely)."""
    instance._names_before = None
    if raw or instance.pk is None or (update_fields is not None and "name" not in update_fields):
        return
    old = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    if old is not None and old != instance.name:
        from .changes import room_names

        instance._names_before = room_names(instance, own_name=old)


def room_saved(sender, instance, raw=False, **kwargs):
    before = getattr(instance, "_names_before", None)
    instance._names_before = None
    if before is not None and not raw:
        from .changes import record_room_change, room_names

        record_room_change(instance, before, room_names(instance))


def room_deleting(sender, instance, **kwargs):
    from .changes import forget_deleted_room, record_room_change, room_names

    record_room_change(instance, room_names(instance))
    forget_deleted_room(instance)


def connect():
    """The receivers, for the sessions and the rooms (ProgrammeConfig.ready). Wagtail sends a
    page's signals with its specific class, and a deletion reaches the session's own row."""
    from django.db.models.signals import post_save, pre_delete, pre_save

    from wagtail.signals import page_published, page_unpublished

    from .models import Room, SessionPage

    page_published.connect(
        on_published, sender=SessionPage, dispatch_uid="programme_changes_published"
    )
    page_unpublished.connect(
        on_unpublished, sender=SessionPage, dispatch_uid="programme_changes_unpublished"
    )
    pre_delete.connect(on_deleting, sender=SessionPage, dispatch_uid="programme_changes_deleting")
    pre_save.connect(room_saving, sender=Room, dispatch_uid="programme_room_saving")
    post_save.connect(room_saved, sender=Room, dispatch_uid="programme_room_saved")
    pre_delete.connect(room_deleting, sender=Room, dispatch_uid="programme_room_deleting")
