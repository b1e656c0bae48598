from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

TREE_FIELDS = ["path", "depth", "numchild", "url_path"]


def validate(obj):
    """Validate as the admin form does: a page's tree fields are not the editor's."""
    obj.full_clean(exclude=TREE_FIELDS)


def errors_of(obj):
    """{field: [French messages]} of a model that fails validation."""
    with translation.override("fr"), pytest.raises(ValidationError) as caught:
        validate(obj)
    return caught.value.message_dict
