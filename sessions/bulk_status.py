"""A bulk action of the page explorer: change the status of the selected sessions at once
(« Changer le statut »), as the editor would one by one, through a revision of each."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from sessions.choices import SessionStatus
from sessions.models import SessionPage


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"), choices=SessionStatus.choices, widget=forms.RadioSelect
    )


class SessionStatusBulkAction(PageBulkAction):
    display_name = _("Change the status")
    action_type = "session_status"
    aria_label = _("Change the status of the selected sessions")
    template_name = "programme/admin/confirm_bulk_status.html"
    action_priority = 60
    form_class = StatusForm

    def check_perm(self, page):
        """French sessions the editor may edit: the status is a fact, translations take it
        from the French session when it is published."""
        page = page.specific_deferred
        return (
            isinstance(page, SessionPage)
            and page.locale.language_code == settings.LANGUAGE_CODE
            and page.permissions_for_user(self.request.user).can_edit()
        )

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "status": self.cleaned_form.cleaned_data["status"],
        }

    @classmethod
    def execute_action(cls, objects, status=None, user=None, **kwargs):
        """A revision per session with the new status, published when the session was live
        with nothing else waiting (otherwise kept as a draft for the editor to publish).
        Returns (published, saved as draft)."""
        published = drafts = 0
        for page in objects:
            page = page.specific
            current = page.get_latest_revision_as_object()
            if current.status == status:
                continue
            waiting = page.has_unpublished_changes
            current.status = status
            revision = current.save_revision(user=user, log_action=True)
            can_publish = user is None or page.permissions_for_user(user).can_publish()
            if page.live and not waiting and can_publish:
                revision.publish(user=user)
                published += 1
            else:
                drafts += 1
        return published, drafts

    def get_success_message(self, published, drafts):
        label = SessionStatus(self.cleaned_form.cleaned_data["status"]).label
        parts = []
        if published:
            parts.append(
                ngettext(
                    "%(count)d session is now « %(status)s » and published.",
                    "%(count)d sessions are now « %(status)s » and published.",
                    published,
                )
                % {"count": published, "status": label}
            )
        if drafts:
            parts.append(
                ngettext(
                    "%(count)d session has the status « %(status)s » in a draft, to publish.",
                    "%(count)d sessions have the status « %(status)s » in a draft, to publish.",
                    drafts,
                )
                % {"count": drafts, "status": label}
            )
        return " ".join(parts) or _("The selected sessions already had this status.")
