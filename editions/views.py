"""Admin view: start the next edition from this one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .copying import EditionCopier
from .forms import NewEditionForm
from .models import EditionPage


def can_start_from(user, edition):
    """Whoever may add an edition beside this one and copy it (editors, not translators)."""
    parent = edition.get_parent()
    return (
        parent.permissions_for_user(user).can_add_subpage()
        and edition.permissions_for_user(user).can_copy()
    )


def new_edition(request, page_id):
    edition = get_object_or_404(EditionPage, pk=page_id)
    source = EditionCopier.source_language_edition(edition)
    if not can_start_from(request.user, source):
        raise PermissionDenied
    if request.method == "POST":
        form = NewEditionForm(request.POST, source=source)
        if form.is_valid():
            data = form.cleaned_data
            copier = EditionCopier(
                source,
                year=data["year"],
                start=data["start"],
                number=data["number"],
                include_sessions=data["sessions"] == NewEditionForm.SESSIONS_DRAFTS,
                user=request.user,
            )
            try:
                report = copier.run()
            except ValidationError as error:
                for name, field_messages in error.message_dict.items():
                    for message in field_messages:
                        form.add_error(name if name in form.fields else None, message)
            else:
                languages = ", ".join(sorted(report.translations)) or "—"
                messages.success(
                    request,
                    _(
                        "The %(year)s edition is ready to edit: %(pages)s pages copied, with "
                        "their translations (%(languages)s). Nothing is published."
                    )
                    % {"year": data["year"], "pages": report.pages, "languages": languages},
                )
                # What still names last year, for the editor to review before publishing.
                return TemplateResponse(
                    request,
                    "editions/admin/new_edition_review.html",
                    {"edition": source, "report": report, "year": data["year"]},
                )
    else:
        form = NewEditionForm(initial=NewEditionForm.initial_for(source), source=source)
    return TemplateResponse(
        request,
        "editions/admin/new_edition.html",
        {
            "edition": source,
            "form": form,
            "action_url": reverse("editions_new_edition", args=[source.pk]),
        },
    )
