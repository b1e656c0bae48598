from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

TREE_FIELDS = ["path", "depth", "numchild", "url_path"]


def validate(obj):
    """Validate as the admin form does: a page's tree fields are not the editor's."""
    obj.full_clean(exclude=TREE_FIELDS)


def errors_of(obj):
    """{field: [French messages]} of a model that fails validation."""
    with translation.override("fr"):
        with pytest.raises(ValidationError) as caught:
            validate(obj)
        # Messages are lazy: turn them into text while French is active.
        return {
            field: [str(m) for m in messages]
            for field, messages in caught.value.message_dict.items()
        }


# The organiser's columns, in French, as a programme spreadsheet has them.
HEADERS = [
    "Référence",
    "Jour",
    "Début",
    "Fin",
    "Type",
    "Titre",
    "Salle",
    "Résumé",
    "Intervenants",
    "Partenaires organisateurs",
    "Région du monde ou pays",
    "Langue",
]


def workbook(headers, rows, setup=None):
    """The bytes of a real .xlsx file: a header line, then the rows; `setup(sheet)` may add
    formulas or merged cells."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if headers:
        sheet.append(headers)
    for row in rows:
        sheet.append(row)
    if setup:
        setup(sheet)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def png_file(name, width=400, height=200, colour=(0, 85, 164)):
    """A real PNG image file, as an upload or an ImageField's file."""
    from io import BytesIO

    from django.core.files.images import ImageFile

    from PIL import Image

    data = BytesIO()
    Image.new("RGB", (width, height), colour).save(data, "PNG")
    data.seek(0)
    return ImageFile(data, name=name)


def page_soup(client, url):
    """The page at `url` (it must answer 200), parsed."""
    from bs4 import BeautifulSoup

    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld(page):
    """The schema.org objects of a parsed page."""
    import json

    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
