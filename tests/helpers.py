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
