"""Dates and times as the public reads them, in the edition's time zone and the page's language:
ranges, days, a timetable slot."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format, get_format_modules, time_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.dates import is_midnight, last_day, to_local

register = template.Library()


def _local(value, tz):
    return to_local(value, tz or None)


@register.simple_tag
def date_range(start, end, tz=None):
    """« vendredi 4 juillet 2025 », or « du mercredi 23 octobre 2024 au jeudi 24 octobre 2024 »."""
    if not start:
        return ""
    start = _local(start, tz)
    # An end at midnight (whole days) closes the day before.
    last = last_day(end, start.tzinfo) if end else start.date()
    if last <= start.date():
        return date_format(start, "DATE_FORMAT")
    return _("from %(start)s to %(end)s") % {
        "start": date_format(start, "DATE_FORMAT"),
        "end": date_format(last, "DATE_FORMAT"),
    }


@register.simple_tag
def time_range(start, end, tz=None):
    """« 9 h 30 – 11 h 00 » in the given time zone."""
    if not start:
        return ""
    zone = _local(start, tz).tzinfo
    if end and end > start and is_midnight(start, zone) and is_midnight(end, zone):
        return _("all day")  # whole days: no time is known
    text = date_format(_local(start, tz), "TIME_FORMAT")
    if end:
        text += " – " + date_format(_local(end, tz), "TIME_FORMAT")
    return text


@register.filter
def day_date(value):
    """« 15 avril 2025 », "15 April 2025", "15 de abril de 2025": the DAY_FORMAT of the
    active language's format module (Django only looks up its own format names)."""
    if not value:
        return ""
    modules = get_format_modules(get_language())
    fmt = next((m.DAY_FORMAT for m in modules if hasattr(m, "DAY_FORMAT")), "j F Y")
    return date_format(to_local(value) if timezone.is_aware(value) else value, fmt)


@register.filter
def iso(value):
    return value.isoformat() if value else ""


@register.simple_tag
def slot_time(slot):
    """When a slot of the timetable is, as the programme and the edition page head it:
    « 9 h 30 – 11 h 00 » in <time> elements, or « Toute la journée ». A tag rather than an
    included template: it runs once per slot, some thirty times on a programme."""
    if slot.dates_only:
        return capfirst(_("all day"))

    def moment(value):
        local = timezone.localtime(value)
        return format_html(
            '<time datetime="{}">{}</time>', iso(value), time_format(local, "TIME_FORMAT")
        )

    if slot.end:
        return format_html("{} – {}", moment(slot.start), moment(slot.end))
    return moment(slot.start)
