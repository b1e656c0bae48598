import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateInput


class NewEditionForm(forms.Form):
    """Start the next edition from this one (see editions.copying)."""

    SESSIONS_DRAFTS = "drafts"
    SESSIONS_OMIT = "omit"

    year = forms.IntegerField(label=_("Year of the new edition"), min_value=1990, max_value=2200)
    number = forms.IntegerField(label=_("Edition number"), min_value=1)
    start = forms.DateField(
        label=_("First day"),
        widget=AdminDateInput,
        help_text=_("Every date and time of the edition moves by as many days."),
    )
    sessions = forms.ChoiceField(
        label=_("Sessions"),
        choices=[
            (SESSIONS_DRAFTS, _("Copy them as drafts, at the same times of day")),
            (SESSIONS_OMIT, _("Leave them out: start from an empty programme")),
        ],
        initial=SESSIONS_DRAFTS,
        widget=forms.RadioSelect,
    )

    @classmethod
    def initial_for(cls, edition):
        """Next year, the same weekday: 4 July 2025 (a Friday) gives 3 July 2026."""
        start = edition.local_start.date() + datetime.timedelta(weeks=52)
        return {"year": start.year, "number": edition.number + 1, "start": start}
