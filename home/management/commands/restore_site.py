from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restores a backup made by backup_site into an empty database and empty media "
        "storages, after checking every file against its manifest. See docs/deploy.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="a folder made by backup_site")

    def handle(self, *args, source, **options):
        try:
            restore(source, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Restore complete."))
