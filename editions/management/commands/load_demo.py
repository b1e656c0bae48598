from django.core.management.base import BaseCommand

from editions.demo.loader import DemoLoader
from editions.demo.translate import DemoTranslator


class Command(BaseCommand):
    help = (
        "Loads the demo site: the 2025 edition from the organiser's pre-programme, the 2023 "
        "and 2024 editions in the archive, all of it in English and part of it in Spanish "
        "through wagtail-localize. Running it again adds nothing."
    )

    def handle(self, *args, **options):
        created = DemoLoader(log=self.stdout.write).run()
        created += DemoTranslator(log=self.stdout.write).run()
        if created:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content loaded: {len(created)} objects created.")
            )
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already in place: nothing to add."))
