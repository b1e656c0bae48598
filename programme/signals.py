"""What changed in a programme is recorded as sessions are published, withdrawn or deleted
(programme/changes.py)."""


def is_session(instance):
    from .models import SessionPage

    return isinstance(instance, SessionPage)


def on_published(sender, instance, revision=None, alias=False, **kwargs):
    if is_session(instance) and not alias:
        from .changes import record_publication

        record_publication(instance, revision)


def on_unpublished(sender, instance, **kwargs):
    if is_session(instance):
        from .changes import record_withdrawal

        record_withdrawal(instance)


def on_deleting(sender, instance, **kwargs):
    if is_session(instance) and instance.live:
        from .changes import record_withdrawal

        record_withdrawal(instance)
