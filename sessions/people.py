"""People made by the programme import go live with their sessions.

The import names a new speaker by a person it creates. When the sessions are kept as drafts,
the person is a draft too; it must not stay hidden once a moderator publishes a session that
lists it (by « Publier », « Approuver et Publier », the programme's release or its scheduled
publication: every door publishes through `Revision.publish`, whose `page_published` signal
calls `publish_imported_people`). Only the import's own revision goes live this way: a person
edited since (a biography, a photo) waits for its own publication, as any draft does.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import ModelLogEntry

# The log action of a person's revision written by the import (its history reads it).
IMPORTED_PERSON = "rencontres.person_imported"


def register_log_actions(actions):
    actions.register_action(
        IMPORTED_PERSON,
        _("Created by the programme import"),
        _("Created by the programme import, to be published with its sessions"),
    )


def publish_imported_people(session):
    """Publish the people listed by `session` that the import made and nobody has touched
    since: never live, their latest revision the import's. The session's publication was
    allowed (whoever made it: a Modérateur's approval, the scheduler), and the person goes
    with it; `page_published` does not say who published, so the person's history names the
    import's author."""
    from .models import Person

    waiting = Person.objects.filter(
        session_roles__session=session, live=False, live_revision__isnull=True
    ).select_related("latest_revision")
    waiting = [person for person in waiting if person.latest_revision_id is not None]
    if not waiting:
        return []
    imported = set(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Person),
            action=IMPORTED_PERSON,
            revision_id__in=[person.latest_revision_id for person in waiting],
        ).values_list("revision_id", flat=True)
    )
    published = []
    for person in waiting:
        if person.latest_revision_id in imported:
            revision = person.latest_revision
            revision.publish(user=revision.user, skip_permission_checks=True)
            published.append(person)
    return published
