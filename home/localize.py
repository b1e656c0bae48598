"""wagtail-localize's own admin views, held to the project's roles.

wagtail-localize checks only its `submit_translation` permission, which every editorial
group holds. Served in their place, at the same addresses (home/wagtail_hooks.py):

- starting a translation offers a translator their own languages only (a Traducteur EN
  never creates a Spanish page) and, with WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE off,
  always makes a draft: French text never goes live under /en/ or /es/;
- « Synchroniser les pages traduites » updates every language at once, so it is the
  editors' (not a translator's), and it never publishes: the synchronised translations
  wait, as drafts, for their translators (the « Publier immédiatement » box is gone);
- « Convertir en page alias » would show the French page under /en/ or /es/: refused to
  everyone but administrators.
"""

from django import forms
from django.core.exceptions import PermissionDenied

from wagtail_localize.views import convert, submit_translations, update_translations

from .translators import translator_languages


def own_languages_only(form, user):
    languages = translator_languages(user)
    if languages is not None:
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(language_code__in=languages)
    return form


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    def get_form(self):
        return own_languages_only(super().get_form(), self.request.user)


class SubmitSnippetTranslationView(submit_translations.SubmitSnippetTranslationView):
    def get_form(self):
        return own_languages_only(super().get_form(), self.request.user)


class DraftsOnlyUpdateTranslationsForm(update_translations.UpdateTranslationsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        publish = self.fields["publish_translations"]
        publish.disabled = True  # whatever is posted, the translations are not published
        publish.widget = forms.HiddenInput()


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return DraftsOnlyUpdateTranslationsForm(data)

    def dispatch(self, request, *args, **kwargs):
        if translator_languages(request.user) is not None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def convert_to_alias(request, page_id):
    if not request.user.is_superuser:
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)
