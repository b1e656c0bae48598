import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from home.dates import last_day, to_local, typed_days, whole_days
from home.text import has_control_characters

CONTROL_CHARACTERS_MESSAGE = _(
    "This text holds an invisible control character (often pasted from another program): "
    "retype it or paste it as plain text."
)


def refuse_control_characters(form):
    """Put the French message on each field of `form` whose value holds a control character
    (home/text.py): titles, text, rich text, and the texts inside a StreamField. True when
    one did."""
    found = False
    for name, value in list(getattr(form, "cleaned_data", {}).items()):
        if hasattr(value, "get_prep_value"):  # a StreamField's value: its stored form
            value = value.get_prep_value()
        if has_control_characters(value):
            form.add_error(name, ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control"))
            found = True
    return found


class PrintableTextForm:
    """The admin refuses the characters no output can carry (XML, ICS, xlsx), on the field,
    in the page's or snippet's form and in each row of its inline panels. The form, not the
    model: rows and revisions saved before the rule still publish, unpublish, move and
    translate, and every output drops those characters (``home.text.printable``)."""

    def clean(self):
        cleaned = super().clean()
        refuse_control_characters(self)
        return cleaned

    def is_valid(self):
        # Inline formsets are validated after the form's own clean(), so check them here.
        valid = super().is_valid()
        for name, formset in getattr(self, "formsets", {}).items():
            if name == "comments":  # editors' comments reach no output
                continue
            for form in formset.forms:
                if form.is_bound and not formset._should_delete_form(form):
                    valid = not refuse_control_characters(form) and valid
        return valid


class PrintableModelForm(PrintableTextForm, WagtailAdminModelForm):
    """The snippets' and settings' admin form (``base_form_class``)."""


class ParentAwarePageForm(PrintableTextForm, WagtailAdminPageForm):
    """Lets a page being created validate against its future parent (e.g. its edition's
    dates), and refuses a row of an inline panel that repeats another (the row's model
    names what makes it unique: ``unique_in_parent``, with its ``duplicate_message``; the
    database holds the same rule)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None:
            self.instance._parent_for_validation = parent_page
            if getattr(parent_page.specific_deferred, "page_role", None) == "edition":
                # A page made below an edition is in its menu unless the editor unticks it
                # (or its type says otherwise: the proceedings, after the event).
                model = type(self.instance)
                if not self.instance.pk and "show_in_menus" in self.fields:
                    self.initial["show_in_menus"] = model.show_in_menus_default or (
                        "show_in_menus_default" not in vars(model)
                    )
        self.show_whole_days()

    # --- dates without times (home/dates.py) -----------------------------------------------

    def show_whole_days(self):
        """A page of whole days shows its first and last day, as the editor typed them."""
        page = self.instance
        if not (getattr(page, "dates_only", False) and page.start and page.end):
            return
        tz = page.dates_tzinfo({})
        for name, day in (
            ("start", to_local(page.start, tz).date()),
            ("end", last_day(page.end, tz)),
        ):
            if name in self.fields:
                self.initial[name] = timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time.min)
                )

    def clean(self):
        """With « Dates only », the days typed become whole days in the page's time zone."""
        cleaned = super().clean()
        if cleaned.get("dates_only") and cleaned.get("start") and cleaned.get("end"):
            cleaned["start"], cleaned["end"] = whole_days(
                typed_days(cleaned["start"]),
                typed_days(cleaned["end"]),
                self.instance.dates_tzinfo(cleaned),
            )
        return cleaned

    def is_valid(self):
        # Inline formsets are validated after the form's own clean(), so check them here.
        valid = super().is_valid()
        for formset in self.formsets.values():
            fields = getattr(formset.model, "unique_in_parent", None)
            duplicates = duplicate_rows(formset, fields) if fields else []
            if not duplicates:
                continue
            valid = False
            # modelcluster's own check (from the database constraint) names the fields in
            # English above the panel: say it in the editor's words, on the repeated row.
            generic = {
                str(formset.get_unique_error_message(list(constraint.fields)))
                for constraint in formset.model._meta.constraints
                if getattr(constraint, "fields", None)
            }
            formset._non_form_errors = formset.error_class(
                [e for e in formset.non_form_errors() if str(e) not in generic],
                error_class="nonform",
            )
            for form in duplicates:
                form._errors.pop(NON_FIELD_ERRORS, None)
                form.add_error(fields[0], formset.model.duplicate_message)
        return valid


def duplicate_rows(formset, fields):
    """The forms of an inline formset that repeat an earlier form's values of `fields`, as
    typed (the database constraint's check may have emptied their cleaned data)."""
    seen, duplicates = set(), []
    for form in formset.forms:
        if not form.is_bound or formset._should_delete_form(form):
            continue
        key = tuple(str(form[field].value() or "") for field in fields)
        if not key[0]:
            continue
        if key in seen:
            duplicates.append(form)
        seen.add(key)
    return duplicates


def drop_repeated_rows(page):
    """Before a page is saved from a revision (publishing, scheduled publishing, a
    background autosave's content), keep the first of rows an inline panel holds twice:
    the database refuses the second (wagtail/wagtail#14568 made such revisions)."""
    for name, rows in list(getattr(page, "_cluster_related_objects", {}).items()):
        rows = list(rows)
        fields = getattr(rows[0], "unique_in_parent", None) if rows else None
        if not fields:
            continue
        kept, seen = [], set()
        for row in rows:
            key = tuple(getattr(row, row._meta.get_field(f).attname) for f in fields)
            if key not in seen:
                kept.append(row)
            seen.add(key)
        if len(kept) != len(rows):
            setattr(page, name, kept)
