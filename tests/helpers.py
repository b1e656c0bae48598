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
