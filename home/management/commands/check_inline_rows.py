"""Find (and mend) pages whose inline rows are not what their editors saw.

A page's inline rows (partners, transport, contacts, links, speakers) can end up other than
its revisions hold (a copied edition's first publication once moved the French rows onto
the translations, leaving empty lists while the revisions still held the rows). This command lists, for every page with inline rows:

- a live page whose rows differ from its live revision (what was published);
- a translation whose rows are not its French page's (by translation key).

With --repair, a live page gets back the rows of its live revision, and a translation gets the
French page's rows (its own words kept where it has them), as a French publication does.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from home.translation.facts import copy_facts, copy_rows, fact_relations, source_of
from home.translation.publishing import child_relation_names as relations


def keys(obj, relation):
    return [str(row.translation_key) for row in getattr(obj, relation).all()]


class Command(BaseCommand):
    help = (
        "List the pages whose inline rows differ from their live revision or from their "
        "French page; --repair puts them back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Mend what is found.")

    def handle(self, *args, repair=False, **options):
        if repair:
            self.relabel_rows()
        found = 0
        pages = Page.objects.filter(alias_of__isnull=True).order_by("path").specific()
        for page in pages.iterator():
            names = relations(page)
            if not names:
                continue
            problems = self.problems(page, names)
            if not problems:
                continue
            found += 1
            self.stdout.write(f"{page.url_path} ({page.locale.language_code}, {page.pk}):")
            for problem in problems:
                self.stdout.write(f"  - {problem}")
            if repair:
                self.repair(page, names)
                self.stdout.write("  repaired")
        self.stdout.write(f"{found} page(s) {'repaired' if repair else 'found'}")

    def relabel_rows(self):
        """Rows carried to a translation in the French language go to their page's language
        first, so that the French page can have its own rows back (one row per key and
        language)."""
        for page in Page.objects.filter(alias_of__isnull=True).specific().iterator():
            for relation in relations(page):
                wrong = getattr(page, relation).exclude(locale_id=page.locale_id)
                if wrong.exists():
                    wrong.update(locale_id=page.locale_id)

    def problems(self, page, names):
        found = []
        for relation in names:
            if getattr(page, relation).exclude(locale_id=page.locale_id).exists():
                found.append(f"{relation}: rows in another language than the page's")
        if page.live and page.live_revision_id:
            published = page.live_revision.as_object()
            for relation in names:
                if keys(published, relation) != keys(page, relation):
                    found.append(
                        f"{relation}: {len(keys(page, relation))} live row(s), "
                        f"{len(keys(published, relation))} in the published revision"
                    )
        source = source_of(page)
        if source is not None:
            for relation in names:
                if keys(source, relation) != keys(page, relation):
                    found.append(
                        f"{relation}: {len(keys(page, relation))} row(s), "
                        f"{len(keys(source, relation))} on the French page"
                    )
        return found

    @transaction.atomic
    def repair(self, page, names):
        source = source_of(page)
        if source is None and page.live and page.live_revision_id:
            published = page.live_revision.as_object()
            for relation in names:
                copy_rows(published, page, relation, ())
        elif source is not None:
            copy_facts(source, page)
            for relation in names:
                if relation not in fact_relations(type(source)):
                    copy_rows(source, page, relation, ())
        page.save(clean=False)
