from pathlib import Path

from django.core.management.base import BaseCommand

from sessions.importing.exporting import export_programme, template_workbook

from .import_programme import programme_of


class Command(BaseCommand):
    help = (
        "Writes an edition's programme to .xlsx in the import's columns (--edition YEAR), "
        "or the empty template with its example row (--template)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--edition", type=int, metavar="YEAR")
        parser.add_argument("--template", action="store_true")
        parser.add_argument("--language", default="fr")

    def handle(self, *args, **options):
        if options["template"]:
            content = template_workbook(options["language"])
        else:
            content = export_programme(programme_of(options["edition"]), options["language"])
        options["file"].write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Written: {options['file']}"))
