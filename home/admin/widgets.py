"""Admin comfort for dates and times: a picker in quarter hours, and the moderator's
comparison in local time and in the editor's language (not « 2025-07-04 09:30:00+00:00 »)."""

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html

from wagtail.admin.compare import FieldComparison, register_comparison_class
from wagtail.admin.telepath import register
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.admin.widgets.datetime import AdminDateTimeInputAdapter

from home.dates import to_local


class QuarterHourDateTimeInput(AdminDateTimeInput):
    """Wagtail's date and time picker, offering every quarter of an hour (11:45, not only 11:00)."""

    def get_config(self):
        return {**super().get_config(), "step": 15}


register(AdminDateTimeInputAdapter(), QuarterHourDateTimeInput)


def local_text(value):
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = to_local(value)
    return date_format(value, "DATETIME_FORMAT")


class LocalDateTimeComparison(FieldComparison):
    def htmldiff(self):
        a, b = local_text(self.val_a), local_text(self.val_b)
        if a != b:
            return format_html(
                '<span class="deletion">{}</span> <span class="addition">{}</span>', a, b
            )
        return escape(a)


register_comparison_class(models.DateTimeField, comparison_class=LocalDateTimeComparison)
