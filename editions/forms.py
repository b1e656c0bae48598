import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateInput


class NewEditionForm(forms.Form):
    """Start the next edition from this one (see editions.copying)."""

    SESSIONS_DRAFTS = "drafts"
    SESSIONS_OMIT = "omit"

    year = forms.IntegerField(label=_("Year of the new edition"), min_value=1990, max_value=2200)
    number = forms.IntegerField(label=_("Edition number"), min_value=1, required=False)
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

    earlier = forms.BooleanField(
        label=_("Yes, an edition before the one copied"),
        required=False,
        help_text=_("Only to enter an older edition from a later one."),
    )

    def __init__(self, *args, source=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        earlier = self.source is not None and year and year < self.source.year
        if earlier and not cleaned.get("earlier"):
            self.add_error("year", earlier_year_message(year, self.source))
        return cleaned

    @classmethod
    def initial_for(cls, edition):
        """Next year, the same weekday: 4 July 2025 (a Friday) gives 3 July 2026."""
        start = edition.local_start.date() + datetime.timedelta(weeks=52)
        number = edition.number + 1 if edition.number else None
        return {"year": start.year, "number": number, "start": start}


def earlier_year_message(year, source, how=None):
    """Why an earlier year is refused until confirmed; `how` says how to confirm (the
    admin's box by default, a command's option)."""
    words = _(
        "%(year)s comes before the edition copied (%(source)s): the copy would give the "
        "%(year)s edition the theme, introduction and programme of %(source)s."
    ) % {"year": year, "source": source.year}
    if how is None:
        how = _("Tick « Yes, an edition before the one copied » if that is what you want.")
    return f"{words} {how}"
