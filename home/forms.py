from wagtail.admin.forms import WagtailAdminPageForm


class ParentAwarePageForm(WagtailAdminPageForm):
    """Lets a page being created validate against its future parent (e.g. its edition's dates)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None:
            self.instance._parent_for_validation = parent_page


def duplicate_rows(formset, field):
    """The forms of an inline formset that repeat an earlier form's value of `field`."""
    seen, duplicates = set(), []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("DELETE") or not data.get(field):
            continue
        value = data[field].pk if hasattr(data[field], "pk") else data[field]
        if value in seen:
            duplicates.append(form)
        seen.add(value)
    return duplicates
