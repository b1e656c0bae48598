import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from wagtail.models import Locale

from editions.models import EditionPage
from sessions.importing.planning import Planner
from sessions.importing.reading import FileRejected, read
from sessions.importing.writing import Writer
from sessions.models import ProgrammePage


def programme_of(year):
    """The programme page of the edition of `year`, in the source language."""
    edition = EditionPage.objects.filter(year=year, locale=Locale.get_default()).first()
    programme = ProgrammePage.objects.child_of(edition).first() if edition else None
    if programme is None:
        raise CommandError(f"No programme page for the {year} edition.")
    return programme


class ProgressBar:
    """A one-line progress bar on a terminal, plain lines elsewhere."""

    def __init__(self, stream, width=30):
        self.stream = stream
        self.width = width
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, done, total):
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\r" if self.tty and done < total else "\n"
        if self.tty or done == total:
            self.stream.write(f"[{bar}] {done}/{total}{end}")
            self.stream.flush()


class Command(BaseCommand):
    help = (
        "Imports an edition's programme from an .xlsx or .csv file (one row per session), "
        "with the same checks and report as the admin's import. --dry-run shows the report "
        "and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--edition", type=int, required=True, metavar="YEAR")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument(
            "--draft", action="store_true", help="Save the sessions as drafts, unpublished."
        )

    def handle(self, *args, **options):
        path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        programme = programme_of(options["edition"])
        with translation.override(Locale.get_default().language_code):
            try:
                sheet = read(path.name, path.read_bytes())
            except FileRejected as rejected:
                raise CommandError("\n".join(rejected.messages)) from rejected
            plan = Planner(programme).plan(sheet)
            self.report(plan)
            if not plan.is_valid:
                raise CommandError(f"{len(plan.problems)} problem(s): nothing was written.")
            if options["dry_run"]:
                self.stdout.write("Dry run: nothing was written.")
                return
            writer = Writer(
                programme,
                publish=not options["draft"],
                progress=ProgressBar(getattr(self.stdout, "_out", sys.stdout)),
            )
            try:
                result = writer.write(plan)
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged, {result.people_created} new people."
            )
        )

    def report(self, plan):
        from django.utils.translation import gettext as _

        for session in plan.creates:
            self.stdout.write(f"+ {session.reference}: {session.title}")
        for session in plan.updates:
            self.stdout.write(
                f"~ {session.reference}: {session.title} ({', '.join(session.changes)})"
            )
        for name in plan.new_people:
            self.stdout.write(f"+ {_('new person')}: {name}")
        for line, message in plan.problems:
            self.stderr.write(_("line %(line)s: %(message)s") % {"line": line, "message": message})
        for line, message in plan.conflicts:
            self.stdout.write(
                "! " + _("line %(line)s: %(message)s") % {"line": line, "message": message}
            )
        self.stdout.write(
            f"{len(plan.creates)} to create, {len(plan.updates)} to update, "
            f"{len(plan.unchanged)} unchanged, {len(plan.problems)} problem(s)."
        )
