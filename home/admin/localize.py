"""wagtail-localize's own admin views, held to the project's roles.

wagtail-localize checks only its `submit_translation` permission, which every editorial
group holds. Served in their place, at the same addresses (home/wagtail_hooks.py):

- starting a translation offers a translator their own languages only, ticked (a Traducteur EN
  never creates a Spanish page) and, with WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE off,
  always makes a draft: French text never goes live under /en/ or /es/;
- « Synchroniser les pages traduites » updates every language at once, so it is the
  editors' (not a translator's), and it never publishes: the synchronised translations
  wait, as drafts, for their translators (the « Publier immédiatement » box is gone);
- a page's translated title prefills its translated slug (the slug is not a string to
  translate of its own);
- a string typed in the translation editor holding a control character is refused on the
  string, in French, as the admin's forms refuse it on the field (home/forms.py);
- a plain string (a title, a place, a line of a list) reads and is typed as text: wagtail-
  localize keeps it as HTML (« &amp; », « <br/> »), which the editor showed as it is;
- « Convertir en page alias » would show the French page under /en/ or /es/: refused to
  everyone but administrators.
"""

import json
import re

from django import forms
from django.core.exceptions import PermissionDenied

from wagtail_localize.views import convert, submit_translations, update_translations

from home.translators import translator_languages


def own_languages_only(form, user):
    """A translator is offered their own languages only, already ticked (« Traduire la
    page » is then one click)."""
    languages = translator_languages(user)
    if languages is not None:
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(language_code__in=languages)
        if not form.is_bound:
            field.initial = list(field.queryset.values_list("pk", flat=True))
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


def submitted_value(request):
    """The « value » a PUT from the translation editor sends (multipart or url-encoded).
    Reading the body keeps it for wagtail-localize's own view, which reads it again."""
    from io import BytesIO

    from django.http import QueryDict
    from django.http.multipartparser import MultiPartParser

    body = request.body
    if request.content_type == "multipart/form-data":
        data, _files = MultiPartParser(
            request.META, BytesIO(body), request.upload_handlers, request.encoding
        ).parse()
    else:
        data = QueryDict(body, encoding=request.encoding)
    return data.get("value", "")


def edit_string_translation(request, translation_id, string_segment_id):
    """wagtail-localize's « save this string » (its editor's text box), refusing a control
    character (home/text.py) in French on the string, before anything is stored: the last
    good translation stays until the translator retypes it."""
    from django.http import Http404, JsonResponse
    from django.shortcuts import get_object_or_404

    from wagtail_localize.models import StringSegment, Translation
    from wagtail_localize.views import edit_translation

    from home.forms import CONTROL_CHARACTERS_MESSAGE
    from home.text import has_control_characters

    if request.method == "PUT" and has_control_characters(value := submitted_value(request)):
        translation = get_object_or_404(Translation, id=translation_id)
        segment = get_object_or_404(StringSegment, id=string_segment_id)
        if segment.context.object_id != translation.source.object_id:
            raise Http404
        if not edit_translation.user_can_edit_instance(
            request.user, translation.get_target_instance()
        ):
            raise PermissionDenied
        # What the editor shows of a saved string, with the refusal as its error.
        return JsonResponse(
            {
                "string_id": segment.string_id,
                "segment_id": segment.pk,
                "data": value,
                "error": str(CONTROL_CHARACTERS_MESSAGE),
                "comment": "",
                "last_translated_by": None,
            }
        )
    response = edit_translation.edit_string_translation(request, translation_id, string_segment_id)
    if request.method == "PUT" and response.status_code in (200, 201):
        from wagtail_localize.models import StringSegment, StringTranslation, Translation

        translation = Translation.objects.get(id=translation_id)
        segment = StringSegment.objects.select_related("string").get(id=string_segment_id)
        saved = StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            locale_id=translation.target_locale_id,
            context_id=segment.context_id,
        ).first()
        if saved is not None:
            if is_plain(segment.string.data):
                saved.data = from_text(saved.data)
                saved.save(update_fields=["data", "has_error", "field_error"])
            prefill_slug(saved)
            response.render()
            shown = json.loads(response.content)
            shown.update(data=as_text(saved.data), error=saved.get_error())
            return JsonResponse(shown, status=response.status_code)
    return response


# --- plain strings as text ---------------------------------------------------------------

LINE_BREAK = re.compile(r"<br\s*/?>")


def is_plain(data):
    """wagtail-localize's form of a plain text (escaped, lines joined by « <br/> »), which
    holds no other tag: a title, a place, a rich text paragraph without formatting."""
    return "<" not in LINE_BREAK.sub("", data)


def as_text(data):
    """What the translator reads of a string: a plain one as text, « & » and line breaks
    included; one with formatting as wagtail-localize shows it (its tags are to keep)."""
    from wagtail_localize.strings import StringValue

    return StringValue(data).render_text() if is_plain(data) else data


def from_text(text):
    """A translation typed as text, in wagtail-localize's form of a plain string (what it
    made of the French one): « & » typed stays « & » on the page, « < » too."""
    from wagtail_localize.strings import StringValue

    return StringValue.from_plaintext(text).data


def editor_props(props):
    """The translation editor's JSON props with its plain sources and translations as text
    (templates/wagtail_localize/admin/edit_translation.html)."""
    data = json.loads(props)
    plain = set()
    for segment in data.get("segments", []):
        if segment.get("type") == "string" and is_plain(segment["source"]):
            segment["source"] = as_text(segment["source"])
            plain.add(segment["id"])
    for translation in data.get("initialStringTranslations", []):
        if translation.get("segment_id") in plain:
            translation["data"] = as_text(translation["data"])
    return json.dumps(data)


def refuse_control_characters(sender, instance, **kwargs):
    """pre_save of wagtail-localize's StringTranslation: a translation holding a control
    character (home/text.py) is kept, marked as an error with the French message, as
    wagtail-localize marks invalid HTML. Its editor shows the message on the string, and no
    page or snippet is made from it until the translator retypes it. The editor's text box is
    refused before this (edit_string_translation); a PO file or a machine translation saves
    through here."""
    from home.forms import CONTROL_CHARACTERS_MESSAGE
    from home.text import has_control_characters

    if has_control_characters(instance.data):
        instance.has_error = True
        instance.field_error = str(CONTROL_CHARACTERS_MESSAGE)
    elif instance.field_error == str(CONTROL_CHARACTERS_MESSAGE):
        instance.has_error = False
        instance.field_error = ""


def prefill_slug(instance):
    """A page's title, translated in the editor, gives its translated slug when the translator
    has none yet (« Ateliers du matin » → morning-workshops): the slug is then never a string
    « à traduire » of its own, and the translator may still change it."""
    from django.utils.text import slugify

    from wagtail_localize.models import StringSegment, StringTranslation, TranslationContext

    context = instance.context
    if instance.has_error or context is None or context.path != "title":
        return
    slug_context = TranslationContext.objects.filter(
        object_id=context.object_id, path="slug"
    ).first()
    segment = slug_context and StringSegment.objects.filter(context=slug_context).first()
    slug = slugify(instance.data)[:255]
    if segment is None or not slug:
        return
    StringTranslation.objects.get_or_create(
        translation_of_id=segment.string_id,
        locale_id=instance.locale_id,
        context=slug_context,
        defaults={
            "data": slug,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "last_translated_by": instance.last_translated_by,
        },
    )


def connect():
    from django.db.models.signals import pre_save

    from wagtail_localize.models import StringTranslation

    pre_save.connect(
        refuse_control_characters,
        sender=StringTranslation,
        dispatch_uid="home.admin.localize.refuse_control_characters",
    )
