"""Admin views on an edition's programme: import a spreadsheet (upload, preview, confirm),
export it back, and download the template."""

import uuid
from contextlib import closing
from dataclasses import asdict

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin.widgets import AdminDateTimeInput

from home.dates import to_local

from . import release
from .importing.exporting import export_programme, template_workbook
from .importing.planning import Planner
from .importing.reading import FileRejected, check_file, read
from .importing.writing import Writer
from .models import ProgrammePage, SessionPage

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UPLOAD_TIMEOUT = 3600  # the preview waits an hour for its confirmation


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (.xlsx or .csv)"),
        help_text=gettext_lazy("One row per session, with the template's columns."),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publish the imported sessions"),
        required=False,
        initial=True,
        help_text=gettext_lazy("Untick to save them as drafts, to publish later."),
    )

    def __init__(self, *args, may_publish=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            # Offered only to those who may publish: the others' sessions are drafts.
            del self.fields["publish"]


def programme_for(request, page_id, permission="can_edit"):
    """The programme page, if the user holds `permission` on it (a PagePermissionTester test)."""
    programme = get_object_or_404(ProgrammePage, pk=page_id)
    if not getattr(programme.permissions_for_user(request.user), permission)():
        raise PermissionDenied
    return programme


def upload_key(token, user):
    return f"programme-import:{user.pk}:{token}"


def import_programme(request, page_id):
    programme = programme_for(request, page_id, "can_add_subpage")
    may_publish = programme.permissions_for_user(request.user).can_publish_subpage()
    context = {"programme": programme, "edition": programme.edition, "may_publish": may_publish}
    if request.method == "POST" and "token" in request.POST:
        return confirm(request, programme, context)
    form = ImportForm(request.POST or None, request.FILES or None, may_publish=may_publish)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_file(upload.name, upload.size)  # before reading it into memory
            content = upload.read()
            sheet = read(upload.name, content)
        except FileRejected as rejected:
            for message in rejected.messages:
                form.add_error("file", message)
        else:
            plan = Planner(programme).plan(sheet)
            token = uuid.uuid4().hex
            cache.set(
                upload_key(token, request.user),
                {"name": upload.name, "content": content},
                UPLOAD_TIMEOUT,
            )
            context.update(
                plan=plan,
                token=token,
                file_name=upload.name,
                publish=form.cleaned_data.get("publish", False),
            )
            return TemplateResponse(request, "programme/admin/import_preview.html", context)
    context["form"] = form
    return TemplateResponse(request, "programme/admin/import.html", context)


def report_key(token, user):
    return f"programme-import-done:{user.pk}:{token}"


def confirm(request, programme, context):
    token = request.POST["token"]
    key = upload_key(token, request.user)
    stored = cache.get(key)
    if stored is None:
        messages.error(request, _("The preview has expired: upload the file again."))
        return redirect("programme_import", programme.pk)
    try:
        plan = Planner(programme).plan(read(stored["name"], stored["content"]))
    except FileRejected:
        return redirect("programme_import", programme.pk)
    publish = request.POST.get("publish") == "1" and context["may_publish"]
    if not plan.is_valid:
        return preview_again(request, programme, context, plan, token, stored, publish)
    writer = Writer(programme, user=request.user, publish=publish)
    response = StreamingHttpResponse(
        written_with_progress(request, programme, context, writer, plan, token),
        content_type="text/html; charset=utf-8",
    )
    # Each step reaches the browser as it is written, through a proxy too (nginx buffers
    # what it is not told to pass on).
    response["X-Accel-Buffering"] = "no"
    response["Cache-Control"] = "no-store"
    return response


def written_with_progress(request, programme, context, writer, plan, token):
    """The confirmation page, sent as the import goes: its top first, then a line after each
    session written (the last one shows, see the template), then where to go next. It works
    without JavaScript: the browser shows what it receives, and the end sends it on to the
    programme with the report, as the form's redirect did."""
    done_url = reverse("programme_import_done", args=[programme.pk, token])
    page = render_to_string(
        "programme/admin/import_progress.html",
        {**context, "total": len(plan.creates) + len(plan.updates), "done_url": done_url},
        request,
    )
    top, bottom = page.split(PROGRESS_MARK)
    yield top
    outcome = {"problems": [], "publish": writer.publish}
    try:
        # closing(): a browser that goes away closes this stream, and the import's
        # transaction is rolled back there and then, not when the generator is collected.
        with closing(writer.steps(plan)) as steps:
            for done, total in steps:
                yield format_html(
                    '<li class="import-step">{}</li>\n',
                    ngettext(
                        "%(done)s session of %(total)s written",
                        "%(done)s sessions of %(total)s written",
                        done,
                    )
                    % {"done": done, "total": total},
                )
    except ValidationError as error:
        outcome["problems"] = error.messages
    else:
        outcome["report"] = asdict(writer.report)
    cache.set(report_key(token, request.user), outcome, UPLOAD_TIMEOUT)
    yield format_html(
        '</ol><meta http-equiv="refresh" content="0; url={}">'
        '<p><a class="button" href="{}">{}</a></p>',
        done_url,
        done_url,
        _("Continue"),
    )
    yield bottom


PROGRESS_MARK = "<!-- progress -->"


def import_done(request, page_id, token):
    """Where a confirmation ends: the programme with the report, or the preview again with
    what the model refused (nothing was written)."""
    programme = programme_for(request, page_id, "can_add_subpage")
    outcome = cache.get(report_key(token, request.user))
    if outcome is None:
        return redirect("programme_import", programme.pk)
    if "report" in outcome:
        cache.delete_many([report_key(token, request.user), upload_key(token, request.user)])
        report = outcome["report"]
        messages.success(
            request,
            _(
                "Programme imported. Sessions created: %(created)s, updated: %(updated)s, "
                "unchanged: %(unchanged)s (drafts published: %(drafts)s); new people: "
                "%(people)s."
            )
            % {
                "created": report["created"],
                "updated": report["updated"],
                "unchanged": report["unchanged"],
                "drafts": report["drafts_published"],
                "people": report["people_created"],
            },
        )
        return redirect("wagtailadmin_explore", programme.pk)
    stored = cache.get(upload_key(token, request.user))
    if stored is None:
        return redirect("programme_import", programme.pk)
    context = {
        "programme": programme,
        "edition": programme.edition,
        "may_publish": programme.permissions_for_user(request.user).can_publish_subpage(),
    }
    plan = Planner(programme).plan(read(stored["name"], stored["content"]))
    plan.problems += [(0, message) for message in outcome["problems"]]
    return preview_again(request, programme, context, plan, token, stored, outcome["publish"])


def preview_again(request, programme, context, plan, token, stored, publish):
    """The programme changed since the preview: show what stands in the way now."""
    context.update(plan=plan, token=token, file_name=stored["name"], publish=publish)
    return TemplateResponse(request, "programme/admin/import_preview.html", context)


def attachment(content, name):
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def export_xlsx(request, page_id):
    programme = programme_for(request, page_id)
    edition = programme.edition
    name = f"programme-{edition.year if edition else slugify(programme.title)}.xlsx"
    return attachment(export_programme(programme, programme.locale.language_code), name)


def template_xlsx(request):
    return attachment(template_workbook("fr"), "modele-programme.xlsx")


def programme_grid(request, page_id):
    from .grid import build_grid

    programme = programme_for(request, page_id)
    grid = build_grid(programme)
    cells = [
        cell for day in grid for row in day["rows"] for group in row["cells"] for cell in group
    ]
    return TemplateResponse(
        request,
        "programme/admin/grid.html",
        {
            "programme": programme,
            "edition": programme.edition,
            "grid": grid,
            "conflict_count": sum(1 for cell in cells if cell.conflicts),
            "warning_count": sum(1 for cell in cells if cell.warnings),
        },
    )


class ReleaseForm(forms.Form):
    go_live_at = forms.DateTimeField(
        label=gettext_lazy("Publish on"),
        widget=AdminDateTimeInput,
        help_text=gettext_lazy("The programme page and all its sessions go live together then."),
    )
    translations = forms.BooleanField(
        label=gettext_lazy("Their translations too"),
        required=False,
        initial=True,
    )

    def clean_go_live_at(self):
        value = self.cleaned_data["go_live_at"]
        if value <= timezone.now():
            raise ValidationError(_("Choose a date and time in the future."))
        return value


def programme_release(request, page_id):
    programme = programme_for(request, page_id, "can_schedule")
    form = ReleaseForm(request.POST or None)
    translations = bool(request.POST.get("translations")) if request.method == "POST" else True
    scheduled, left = release.plan_release(programme, request.user, translations)
    if request.method == "POST" and form.is_valid():
        when = form.cleaned_data["go_live_at"]
        count = release.schedule_release(scheduled, when, request.user)
        messages.success(
            request,
            _("%(count)s pages will be published on %(when)s.")
            % {"count": count, "when": date_format(to_local(when), "DATETIME_FORMAT")},
        )
        for item in left:
            if not item.held_back:
                continue
            messages.warning(
                request,
                _("Left out: « %(title)s » (%(language)s), %(reason)s.")
                % {
                    "title": item.page.get_admin_display_title(),
                    "language": item.page.locale.language_code,
                    "reason": item.reason,
                },
            )
        return redirect("wagtailadmin_explore", programme.pk)
    sessions = SessionPage.objects.child_of(programme)
    return TemplateResponse(
        request,
        "programme/admin/release.html",
        {
            "programme": programme,
            "form": form,
            "session_count": sessions.count(),
            "draft_count": sessions.filter(live=False).count(),
            "scheduled": scheduled,
            "left_out": [item for item in left if item.held_back],
            "aliases": sum(1 for item in left if item.page.alias_of_id),
            "following": sum(1 for item in left if item.follows),
            "already_scheduled": len(release.scheduled_pages(programme)),
        },
    )


def programme_release_cancel(request, page_id):
    """« Annuler la publication programmée »: the whole release at once."""
    programme = programme_for(request, page_id, "can_schedule")
    if request.method == "POST":
        count = release.cancel_release(programme, request.user)
        messages.success(
            request,
            ngettext(
                "The scheduled publication of %(count)s page was cancelled.",
                "The scheduled publications of %(count)s pages were cancelled.",
                count,
            )
            % {"count": count},
        )
        return redirect("wagtailadmin_explore", programme.pk)
    return TemplateResponse(
        request,
        "programme/admin/release_cancel.html",
        {"programme": programme, "pages": release.scheduled_pages(programme)},
    )
