import datetime
import zoneinfo

from django.utils import timezone
from django.utils.functional import cached_property

from home.clock import to_local
from home.days import last_day


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
        first, last = self.local_start.date(), self.last_day
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    @property
    def utc_offset_label(self):
        """'UTC+02:00' at the start of the edition (summer time included)."""
        offset = self.local_start.utcoffset() or datetime.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"

    def day_bounds(self):
        """The first and last instants of the edition's days, in its time zone."""
        first, last = self.days[0], self.days[-1]
        start = datetime.datetime.combine(first, datetime.time.min, tzinfo=self.tzinfo)
        end = datetime.datetime.combine(
            last + datetime.timedelta(days=1), datetime.time.min, tzinfo=self.tzinfo
        )
        return start, end

    def has_ended(self, now=None):
        return (now or timezone.now()) >= self.end
