"""Wagtail's bulk publish and unpublish of pages, with their one question in the editor's
words. Wagtail's form leaves its field unlabelled, and Django then shows the field's name,
« Include descendants », in English whatever the admin's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction


class PublishForm(forms.Form):
    include_descendants = forms.BooleanField(
        required=False, label=_("Also publish their unpublished child pages")
    )


class UnpublishForm(forms.Form):
    include_descendants = forms.BooleanField(
        required=False, label=_("Also unpublish their child pages")
    )


class LabelledPublishBulkAction(PublishBulkAction):
    form_class = PublishForm


class LabelledUnpublishBulkAction(UnpublishBulkAction):
    form_class = UnpublishForm
