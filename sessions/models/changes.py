"""What changed in a programme, as visitors saw it: one row per change of a session's time,
room, status or speakers between two of its publications, or its addition or withdrawal.

Rows are made from the revisions when the French (source) page of a session is published or
withdrawn (sessions/changes.py): the revision now published is compared with the one
published before it. Drafts never count, nor anything before a session's first publication.
A French room renamed or deleted is a room change of each published session in it, with the
names visitors read then (``names``: {language: name}).
Rows name sessions, rooms and people by translation key: each language's change log and
feed show that language's words.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sessions.choices import ChangeKind


class SessionChange(models.Model):
    edition_key = models.UUIDField(_("edition"), db_index=True)
    session_key = models.UUIDField(_("session"), db_index=True)
    at = models.DateTimeField(_("published at"), db_index=True)
    kind = models.CharField(_("change"), max_length=20, choices=ChangeKind.choices)
    # {"start", "end", "dates_only"} for a time; {"room": key or None, "names": {language:
    # name} for a room renamed or deleted}; {"status": value};
    # {"person": key} for a speaker.
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("programme change")
        verbose_name_plural = _("programme changes")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"
