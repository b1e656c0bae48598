"""The one way to read an instant in a place's time: every date and time a visitor or an
editor sees is stored aware (UTC) and shown in the edition's time zone."""

from django.utils import timezone


def to_local(value, tz=None):
    """`value` (aware) in the time zone `tz` (the current one when None); None stays None."""
    if value is None:
        return None
    return timezone.localtime(value, tz) if tz is not None else timezone.localtime(value)
