"""Dates and instants, the one way: every date and time a visitor or an editor sees is
stored aware (UTC) and shown in the edition's time zone (`to_local`).

Dates without times: an edition or a session of which history knows only the days says so
(``dates_only``) and stores whole days: its start at midnight of its first day and its end at
midnight after its last day, in its time zone, so that every rule on instants (has it ended,
which edition is current, is a session within its edition) holds unchanged. The editor types
the first and the last day; the admin's form turns them into those instants and shows them
back as typed (ParentAwarePageForm in home/forms.py)."""

import datetime
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def to_local(value, tz=None):
    """`value` (aware) in the time zone `tz` (the current one when None); None stays None."""
    if value is None:
        return None
    return timezone.localtime(value, tz) if tz is not None else timezone.localtime(value)


ONE_DAY = datetime.timedelta(days=1)


def midnight(day, tz):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)


def is_midnight(value, tz):
    return value is not None and to_local(value, tz).time() == datetime.time.min


class Period(NamedTuple):
    start: datetime.datetime
    end: datetime.datetime


def whole_days(first_day, last_day, tz):
    """The period of the days from `first_day` to `last_day` included, in `tz`."""
    return Period(midnight(first_day, tz), midnight(last_day + ONE_DAY, tz))


def days_from(first_day, last_day):
    """Every day from `first_day` to `last_day` included."""
    return [first_day + datetime.timedelta(days=n) for n in range((last_day - first_day).days + 1)]


def last_day(end, tz):
    """The last day a period ending at `end` touches: an end at midnight closes the day
    before (the end of whole days, or a session until midnight)."""
    local = to_local(end, tz)
    return (
        (local - datetime.timedelta(microseconds=1)).date()
        if local.time() == (datetime.time.min)
        else local.date()
    )


def period_errors(page, tz):
    """{field: message} for a start and an end that do not make a period, saying why in
    the editor's terms: whole days, or times that were not typed."""
    start, end = page.start, page.end
    if not (start and end) or end > start:
        return {}
    if page.dates_only:
        return {"end": _("The last day must be the first day or a later one.")}
    if is_midnight(start, tz) and is_midnight(end, tz):
        return {
            "end": _(
                "No time was entered, so the end is not after the start: enter the times "
                "(09:00, 18:00), or tick « Dates only » when only the days are known."
            )
        }
    return {"end": _("The end must come after the start.")}


def typed_days(value):
    """The day the editor typed in a date and time field (read in the admin's time zone)."""
    return timezone.localtime(value).date()
