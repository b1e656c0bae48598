"""Delete the replaced image files that no revision can bring back any more."""

from django.core.management.base import BaseCommand

from home.images import ReplacedImageFile


class Command(BaseCommand):
    help = (
        "Delete the files images had before they were replaced, once no revision made before "
        "the replacement remains (run after purge_revisions)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        deleted = kept = 0
        for row in ReplacedImageFile.objects.select_related("image"):
            if row.still_needed():
                kept += 1
                continue
            deleted += 1
            self.stdout.write(f"{'would delete' if dry_run else 'deleted'} {row.file_name}")
            if not dry_run:
                storage = row.image.file.storage
                if storage.exists(row.file_name):
                    storage.delete(row.file_name)
                row.delete()
        self.stdout.write(f"{deleted} deleted, {kept} kept for older revisions")
