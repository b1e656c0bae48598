from django.db import models

from wagtail.models import TranslatableMixin

from home.forms import PrintableModelForm
from home.translation import FactsFromSource


class TranslatableSnippet(FactsFromSource, TranslatableMixin, models.Model):
    """A fact that outlives one edition (a person, a partner, a venue, a room): stored once,
    translated with wagtail-localize, its facts taken from the French (home/translation/).
    Its change drops what shows it from the page cache:
    ``dropped_cache_tags()`` here, and whatever points to it (home/invalidation.py)."""

    # Refuses control characters on the field (home/forms.py).
    base_form_class = PrintableModelForm

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def dropped_cache_tags(self):
        return set()
