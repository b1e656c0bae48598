"""An edition's time: its time zone, its local days and bounds, the dates a rescheduled
edition first announced, and the instants its pages change by themselves."""

import datetime
import zoneinfo
from typing import NamedTuple

from django.conf import settings
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from editions import current
from home.dates import days_from, last_day, to_local, whole_days

from .choices import EditionStatus, RegistrationState


class CacheInstants(NamedTuple):
    instants: list  # aware datetimes at which the edition's pages change by themselves
    lifetime: int  # seconds a view may be kept at most


class EditionTime:
    """An edition's clock: its time zone, its local days and bounds (EditionPage)."""

    @cached_property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def local(self, value):
        return to_local(value, self.tzinfo)

    @property
    def local_start(self):
        return self.local(self.start)

    @property
    def local_end(self):
        return self.local(self.end)

    @property
    def last_day(self):
        """The edition's last day (an end at midnight, as whole days have, closes the day
        before)."""
        return last_day(self.end, self.tzinfo)

    @property
    def is_multi_day(self):
        return self.local_start.date() != self.last_day

    @property
    def days(self):
        return days_from(self.local_start.date(), self.last_day)

    @property
    def utc_offset_label(self):
        """'UTC+02:00' at the start of the edition (summer time included)."""
        offset = self.local_start.utcoffset() or datetime.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"

    def day_bounds(self):
        """The period of the edition's whole days, in its time zone."""
        return whole_days(self.days[0], self.days[-1], self.tzinfo)

    def has_ended(self, now=None):
        return (now or timezone.now()) >= self.end

    def dates_tzinfo(self, values):
        """The time zone whole days are counted in (the one being entered, on a form)."""
        return zoneinfo.ZoneInfo(values.get("time_zone") or self.time_zone)

    def previous_dates_errors(self):
        """{field: message} for the dates a rescheduled edition first announced."""
        errors = {}
        if self.status == EditionStatus.RESCHEDULED:
            if not self.previous_start:
                errors["previous_start"] = _(
                    "A rescheduled edition keeps the dates first announced: enter them."
                )
            elif self.previous_end and self.previous_end < self.previous_start:
                # Equal: one day first announced, typed without times.
                errors["previous_end"] = _("The end must come after the start.")
        return errors

    def cache_instants(self, now):
        """When this edition's pages change by themselves after `now` (its dates, its
        siblings' dates that decide which edition is current, its registration window), and
        how long they may be kept at most: what the page cache keeps them for."""
        siblings, _pinned = current.summaries(type(self), current.parent_path(self))
        instants = [when for e in siblings for when in (e.start, e.end)]
        instants += [self.start, self.end, self.registration_closes_at, self.registration_opens]
        lifetime = settings.PAGE_CACHE_SECONDS
        if self.uses_pretix and self.registration_state(now) == RegistrationState.OPEN:
            # Availability is read from the provider at most this often.
            lifetime = min(lifetime, settings.REGISTRATION_AVAILABILITY_TTL)
        return CacheInstants(instants, lifetime)
