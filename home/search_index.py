"""The search index, updated once per object for a batch of writes.

Wagtail's search app updates an object's index entry on every save; an import saves each
session, its translations and aliases many times over (revision, publication, facts,
aliases). Inside `deferred()` the saves are noted, and each object still there at the end
is indexed once, with what it holds then: the same entries, written once.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import post_save

_pending = threading.local()
_install_lock = threading.Lock()
_installed = False


def on_saved(sender, instance, raw=False, **kwargs):
    from modelsearch.signal_handlers import post_save_signal_handler

    pending = getattr(_pending, "objects", None)
    if pending is None:
        post_save_signal_handler(instance, raw=raw, **kwargs)
    elif not raw:
        pending.setdefault(type(instance), set()).add(instance.pk)


def install():
    """Put `on_saved` in place of Wagtail's receiver, for the same models. Done on first
    use: Wagtail's search app connects its receivers after this app's ready()."""
    global _installed
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler

    with _install_lock:
        if _installed:
            return
        for model in index.get_indexed_models():
            if post_save.disconnect(post_save_signal_handler, sender=model):
                post_save.connect(
                    on_saved, sender=model, dispatch_uid=f"home.search_index.{model._meta.label}"
                )
        _installed = True


@contextmanager
def deferred():
    if getattr(_pending, "objects", None) is not None:
        yield  # an outer block indexes
        return
    install()
    _pending.objects = {}
    try:
        yield
        pending = _pending.objects
    finally:
        _pending.objects = None
    index_once(pending)


def index_once(pending):
    """Index each noted object that still exists, as Wagtail's receiver would have."""
    from modelsearch.tasks import insert_or_update_object_task

    for model, pks in pending.items():
        for pk in model._default_manager.filter(pk__in=pks).values_list("pk", flat=True):
            insert_or_update_object_task.enqueue(
                model._meta.app_label, model._meta.model_name, str(pk)
            )
