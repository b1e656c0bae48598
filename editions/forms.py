from django.utils.translation import gettext_lazy as _

from home.forms import ParentAwarePageForm, duplicate_rows


class EditionPageForm(ParentAwarePageForm):
    def is_valid(self):
        # Inline formsets are validated after the form's own clean(), so check them here.
        valid = super().is_valid()
        formset = self.formsets.get("edition_partners")
        if formset is not None and formset.is_valid():
            for form in duplicate_rows(formset, "partner"):
                form.add_error("partner", _("This partner is already listed for this edition."))
                valid = False
        return valid
