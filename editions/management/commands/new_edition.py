import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Locale

from editions.copying import EditionCopier
from editions.forms import earlier_year_message
from editions.models import EditionPage


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        with translation.override(settings.LANGUAGE_CODE):  # read before handle() runs
            message = _("--start: « %(value)s » is not a date such as 2026-07-03.") % {
                "value": value
            }
        raise CommandError(message) from error


class Command(BaseCommand):
    help = (
        "Starts a new edition from an earlier one: its whole tree and its translations are "
        "copied unpublished, dates moved to the new start, registration reset."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", type=int, required=True, metavar="YEAR")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--start", type=iso_date, required=True, metavar="YYYY-MM-DD")
        parser.add_argument(
            "--number", type=int, help="The new edition's number (default: the old one + 1)."
        )
        parser.add_argument(
            "--earlier",
            action="store_true",
            help="Allow a year before the source's (entering an older edition).",
        )
        parser.add_argument(
            "--without-sessions",
            action="store_true",
            help="Leave the sessions out (by default they are copied as drafts).",
        )

    def handle(self, *args, **options):
        # The organiser's staff read French: the command speaks it, as the admin does.
        with translation.override(Locale.get_default().language_code):
            self.copy(options)

    def copy(self, options):
        editions = EditionPage.objects.filter(year=options["source"])
        source = editions.filter(locale=Locale.get_default()).first() or editions.first()
        if source is None:
            raise CommandError(_("No edition for the year %(year)s.") % {"year": options["source"]})
        if options["year"] < source.year and not options["earlier"]:
            how = _("Add --earlier if that is what you want.")
            raise CommandError(earlier_year_message(options["year"], source, how))
        copier = EditionCopier(
            source,
            year=options["year"],
            start=options["start"],
            number=options["number"],
            include_sessions=not options["without_sessions"],
        )
        try:
            report = copier.run()
        except ValidationError as error:
            raise CommandError(
                "\n".join(f"--{name}: {' '.join(messages)}" for name, messages in error)
            ) from error
        edition = report.edition
        self.stdout.write(
            ngettext(
                "%(title)s (%(language)s): %(count)s page copied, unpublished.",
                "%(title)s (%(language)s): %(count)s pages copied, unpublished.",
                report.pages,
            )
            % {
                "title": edition.title,
                "language": edition.locale.language_code,
                "count": report.pages,
            }
        )
        if report.sessions_left_out:
            self.stdout.write(
                _("Sessions left out: %(count)s.") % {"count": report.sessions_left_out}
            )
        for code, count in report.translations.items():
            self.stdout.write(
                ngettext(
                    "Translation %(language)s: %(count)s page, unpublished.",
                    "Translation %(language)s: %(count)s pages, unpublished.",
                    count,
                )
                % {"language": code, "count": count}
            )
        if report.links_repointed:
            self.stdout.write(
                _("Links to the copied edition repointed on %(count)s pages.")
                % {"count": report.links_repointed}
            )
        for item in report.stale:
            self.stdout.write(
                _("To review: %(page)s — %(field)s: %(excerpt)s")
                % {"page": item.page.title, "field": item.field, "excerpt": item.excerpt}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Edit it in the admin: /admin/pages/%(id)s/edit/ — nothing is live until "
                    "it is published."
                )
                % {"id": edition.pk}
            )
        )
