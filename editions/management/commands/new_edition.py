import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from wagtail.models import Locale

from editions.copying import EditionCopier
from editions.models import EditionPage


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--start: {value!r} is not a date such as 2026-07-03.") from error


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
            "--without-sessions",
            action="store_true",
            help="Leave the sessions out (by default they are copied as drafts).",
        )

    def handle(self, *args, **options):
        editions = EditionPage.objects.filter(year=options["source"])
        source = editions.filter(locale=Locale.get_default()).first() or editions.first()
        if source is None:
            raise CommandError(f"No edition for the year {options['source']}.")
        copier = EditionCopier(
            source,
            year=options["year"],
            start=options["start"],
            number=options["number"],
            include_sessions=not options["without_sessions"],
        )
        try:
            with translation.override(Locale.get_default().language_code):
                report = copier.run()
        except ValidationError as error:
            raise CommandError(
                "\n".join(f"--{name}: {' '.join(messages)}" for name, messages in error)
            ) from error
        edition = report.edition
        self.stdout.write(
            f"{edition.title} ({edition.locale.language_code}): {report.pages} pages copied, "
            "unpublished."
        )
        if report.sessions_left_out:
            self.stdout.write(f"Sessions left out: {report.sessions_left_out}.")
        for code, count in report.translations.items():
            self.stdout.write(f"Translation {code}: {count} pages, unpublished.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Edit it in the admin: /admin/pages/{edition.pk}/edit/ — nothing is live "
                "until it is published."
            )
        )
