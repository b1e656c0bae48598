from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Saves the database (pg_dump, or the SQLite file) and every media file into a new "
        "folder, with a manifest of sizes and checksums. See docs/deploy.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="an empty or new folder")

    def handle(self, *args, destination, **options):
        try:
            backup(destination, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {destination}"))
