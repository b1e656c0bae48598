"""Every snippet list in the admin opens its items: each row shows its name as a link to its
edit view (« Personnes » once listed people whose name opened nothing: only the row's hidden
« ... » menu led to them)."""

from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale
from wagtail.snippets.models import get_snippet_models

from bs4 import BeautifulSoup


def shown_links(row):
    """The links of a row a user sees, not those of its closed « ... » menu."""
    return [a for a in row.select("a[href]") if not a.find_parent(attrs={"hidden": True})]


def test_every_snippet_list_links_each_row_to_its_edit_view(demo_translated, admin_client, editor):
    finder = AdminURLFinder(editor)
    models = get_snippet_models()
    assert models
    for model in models:
        list_url = reverse(model.snippet_viewset.get_url_name("list"))
        for locale in Locale.objects.all():
            expected = set(model.objects.filter(locale=locale).values_list("pk", flat=True))
            assert expected, f"the demo has no {model.__name__} in {locale}"
            seen, page = set(), 1
            while True:
                response = admin_client.get(list_url, {"locale": locale.language_code, "p": page})
                assert response.status_code == 200, (model, locale)
                soup = BeautifulSoup(response.content, "html.parser")
                for row in soup.select("table.listing tbody tr"):
                    item = model.objects.get(
                        pk=row.select_one("[data-object-id]")["data-object-id"]
                    )
                    edit_url = finder.get_edit_url(item)
                    links = [a for a in shown_links(row) if a["href"] == edit_url]
                    assert links, f"{model.__name__} « {item} »: its row opens nothing"
                    assert links[0].get_text(strip=True), f"{model.__name__} « {item} »: no name"
                    seen.add(item.pk)
                if not soup.select_one(f"a[href*='p={page + 1}']"):
                    break
                page += 1
            assert seen == expected, (model, locale)
