"""The admin's doors, read from the URL resolver, and the objects each is asked about: the
walk that tests/home/test_permission_matrix.py and tests/home/test_admin_french.py take
(a new view is walked without a new test)."""

import re
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from PIL import Image as PILImage

from editions.models import EditionPage, Venue
from partners.models import Partner, PartnerTier
from sessions.models import Person, ProgrammePage, Room, SessionPage

CSRF = "matrixcsrfsecret0123456789abcdef"  # 32 characters: an unmasked CSRF secret
SNIPPETS = {
    "programme_person": Person,
    "programme_room": Room,
    "editions_venue": Venue,
    "partners_partner": Partner,
    "partners_partnertier": PartnerTier,
}
# Views left out of the walk, each for a reason.
SKIPPED = {
    # Wagtail's own test view: raises an error on purpose, for the error page's sake.
    "wagtailadmin_error_test",
}
# Server errors of upstream views on a POST no browser sends (checked for everything else).
UPSTREAM_CRASHES = [
    # Wagtail's URLOrAbsolutePathField reads None.startswith() when "url" is missing.
    re.compile(r"wagtailadmin_choose_page_external_link$"),
    # Wagtail registers a snippet chooser's « create » view even without a creation form:
    # a POST there reads None.is_valid().
    re.compile(r"wagtailsnippetchoosers_\w+:create$"),
]


def upstream_crash(method, view_name):
    return method == "post" and any(p.match(view_name) for p in UPSTREAM_CRASHES)


GROUPS = {
    "Traducteurs EN": "en",
    "Traducteurs ES": "es",
    "Rédacteurs": None,
    "Modérateurs": None,
}


# --- the URLs -------------------------------------------------------------------------------


def walk(resolver, parts=(), namespace=None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry, (*parts, entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield (*parts, entry.pattern), name


def admin_patterns():
    """[(pieces of the pattern, URL name)] for every URL below /admin/."""
    found = [
        (pieces, name)
        for pieces, name in walk(get_resolver())
        if str(pieces[0]).startswith("admin/") and name not in SKIPPED
    ]
    # Deletions last: a deleted image's file goes at once, even when its row comes back
    # (World.restore_files puts it back for the next group).
    return sorted(found, key=lambda row: "delete" in (row[1] or ""))


ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def parameter_names(pieces):
    names = []
    for piece in pieces:
        text = str(piece)
        if isinstance(piece, RoutePattern):
            names += [m["name"] for m in ROUTE_PARAMETER.finditer(text)]
        elif isinstance(piece, RegexPattern):
            names += [m["name"] for m in REGEX_GROUP.finditer(text)]
    return names


def build(pieces, values):
    """The path of `pieces` with `values` in place of its parameters."""
    path = ""
    for piece in pieces:
        text = str(piece)
        if isinstance(piece, RegexPattern):
            text = REGEX_GROUP.sub(lambda m: str(values[m["name"]]), text)
            text = text.lstrip("^").rstrip("$").replace("\\.", ".")
            if text in (".*/", ".*"):
                text = "anything/"
        else:
            text = ROUTE_PARAMETER.sub(lambda m: str(values[m["name"]]), text)
        path += text
    return "/" + path


# --- the objects each URL is asked about ------------------------------------------------------


class World:
    """The demo, translated, with a French session in moderation and a French session not yet
    translated; the objects a URL's parameters may name."""

    def __init__(self, redactrice):
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.sessions = self.by_language(
            SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
        )
        self.programmes = self.by_language(ProgrammePage.objects.get(locale=self.locales["fr"]))
        self.editions = self.by_language(
            EditionPage.objects.get(year=2025, locale=self.locales["fr"])
        )
        # A French session whose translations do not exist yet: translating it creates pages.
        self.untranslated = (
            SessionPage.objects.filter(locale=self.locales["fr"])
            .exclude(pk=self.sessions["fr"].pk)
            .order_by("path")
            .first()
        )
        for page in self.untranslated.get_translations():
            page.delete()
        # The French session, submitted for moderation by a Rédacteur.
        french = self.sessions["fr"]
        french.title = "Ateliers (relecture)"
        french.save_revision(user=redactrice)
        self.workflow_state = french.get_workflow().start(french, redactrice)
        self.task_state = self.workflow_state.current_task_state
        self.image = get_image_model().objects.first()
        # Deleting an image or a document removes its file at once, even when the row comes
        # back with the rolled back savepoint: the files are put back after each walk.
        self.files = {
            item.file.name: item.file.read()
            for model in (get_image_model(), get_document_model())
            for item in model.objects.all()
        }

    def restore_files(self):
        for name, content in self.files.items():
            if not default_storage.exists(name):
                default_storage.save(name, ContentFile(content))

    def by_language(self, french):
        found = {"fr": french}
        for page in french.get_translations():
            found[page.locale.language_code] = page
        return found

    def translation(self, page, code):
        source = TranslationSource.objects.get_for_instance_or_none(page)
        if source is None:
            return None
        return Translation.objects.filter(source=source, target_locale__language_code=code).first()


def pages_for(view_name, world, languages):
    if view_name.startswith("programme_") or view_name.endswith("explore"):
        pages = world.programmes
    elif view_name.startswith("editions_"):
        pages = world.editions
    else:
        pages = world.sessions
    chosen = [pages[code] for code in languages if code in pages]
    if "submit" in view_name:
        chosen.append(world.untranslated)
    return chosen


def snippet_of(view_name):
    match = re.match(r"wagtailsnippet(?:s|choosers)_(\w+?_\w+):", view_name)
    return SNIPPETS.get(match[1]) if match else None


def candidates(pieces, name, world, languages):
    """[(values for the URL's parameters, the page it is about or None)], or [] when the
    URL cannot be filled."""
    names = parameter_names(pieces)
    view_name = name or ""
    if not names:
        return [({}, None)]
    page_names = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "object_id"}
    if view_name.startswith(("wagtailadmin_api:pages", "wagtailadmin_pages:revisions_compare")):
        page_names.add("pk")
    rows = []
    snippet = snippet_of(view_name)
    targets = pages_for(view_name, world, languages)
    if snippet is not None and "pk" in names:
        targets = [
            snippet.objects.filter(locale=world.locales[code]).order_by("pk").first()
            for code in languages
        ]
    if not (page_names | {"pk", "translation_id", "translation_source_id"}) & set(names):
        targets = [None]
    for target in targets:
        if target is None and snippet is not None and "pk" in names:
            continue
        page = target if isinstance(target, Page) else None
        values = {}
        for parameter in names:
            if parameter in page_names:
                values[parameter] = page.pk if page else world.sessions["fr"].pk
            elif parameter == "pk":
                values[parameter] = target.pk if target is not None else 1
            elif parameter == "destination_id":
                values[parameter] = world.programmes[languages[-1]].pk
            elif parameter == "translation_source_id":
                key = (page or world.sessions["fr"]).translation_key
                source = TranslationSource.objects.filter(object_id=key).first()
                values[parameter] = source.pk if source else 1
            elif parameter == "translation_id":
                page = page or world.sessions["fr"]
                french = world.sessions["fr"] if page.locale.language_code != "fr" else page
                translation = world.translation(
                    french,
                    page.locale.language_code if page.locale_id != french.locale_id else "en",
                )
                values[parameter] = translation.pk if translation else 1
            elif parameter in ("string_segment_id", "overridable_segment_id"):
                source = TranslationSource.objects.get_for_instance(world.sessions["fr"])
                segment = source.stringsegment_set.first()
                values[parameter] = segment.pk
            elif parameter in ("revision_id",):
                values[parameter] = (page or world.sessions["fr"]).latest_revision_id
            elif parameter == "revision_id_a":
                values[parameter] = "earliest"
            elif parameter == "revision_id_b":
                values[parameter] = "latest"
            elif parameter == "task_state_id":
                values[parameter] = world.task_state.pk
            elif parameter == "workflow_state_id":
                values[parameter] = world.workflow_state.pk
            elif parameter == "task_id":
                values[parameter] = world.task_state.task_id
            elif parameter == "workflow_pk":
                values[parameter] = world.workflow_state.workflow_id
            elif parameter == "action_name":
                values[parameter] = "approve"
            elif parameter in ("content_type_app_name", "app_label", "app_name"):
                values[parameter] = "home" if "settings" in view_name else "programme"
                if view_name == "wagtail_bulk_action":
                    values[parameter] = "wagtailcore"
            elif parameter in ("content_type_model_name", "model_name"):
                values[parameter] = "sitesettings" if "settings" in view_name else "sessionpage"
                if view_name == "wagtail_bulk_action":
                    values[parameter] = "page"
                elif view_name.startswith("wagtail_localize:snippets_api") or "snippet" in (
                    view_name
                ):
                    values[parameter] = "person"
            elif parameter == "action":
                values[parameter] = "publish"
            elif parameter in ("image_id",):
                values[parameter] = world.image.pk
            elif parameter == "collection_id":
                values[parameter] = world.image.collection_id
            elif parameter == "filter_spec":
                values[parameter] = "fill-10x10"
            elif parameter == "mode":
                values[parameter] = "default"
            elif parameter == "name":
                values[parameter] = "index"
            elif parameter in ("uidb64", "token"):
                values[parameter] = "x"
            else:  # ids of things the demo has none of: a request must still not fail
                values[parameter] = 1
        rows.append((values, page))
    if view_name == "wagtail_bulk_action":
        rows = [
            ({**values, "action": action}, page)
            for values, page in rows
            for action in ("publish", "unpublish", "delete", "move", "session_status")
        ]
        # The bulk deletion of an image live pages show, and of a live French snippet.
        person = Person.objects.filter(locale=world.locales["fr"]).order_by("pk").first()
        for (app_label, model_name), pk in (
            (("wagtailimages", "image"), world.image.pk),
            (("programme", "person"), person.pk),
        ):
            values = {"app_label": app_label, "model_name": model_name, "action": "delete"}
            rows.append(({**values, "_query": f"?id={pk}"}, None))
    return rows


def post_data(world, page):
    parent = page.get_parent() if page is not None else world.programmes["fr"]
    return {
        "csrfmiddlewaretoken": CSRF,
        "action-publish": "action-publish",
        "action": "publish",
        "status": "cancelled",
        "publish_translations": "on",
        "include_subtree": "on",
        # Every language but the source's (a source locale would void the whole form).
        "locales": [locale.pk for code, locale in world.locales.items() if code != "fr"],
        "go_live_at": "04/07/2030 10:00",
        "translations": "on",
        "new_title": "Copie",
        "new_slug": "copie-de-la-matrice",
        "new_parent_page": parent.pk,
        "copy_subpages": "on",
        "publish_copies": "on",
        "alias": "on",
        "restriction_type": "login",
        "confirm": "1",
        "id": page.pk if page is not None else "",
        "move_applicable": "1",
        "position": "0",
        "chooser": parent.pk,
        "comment": "matrice",
        # The image form: a new file for an image that live pages show.
        "title": "Matrice",
        "file": png_upload(),
    }


def png_upload():
    data = BytesIO()
    PILImage.new("RGB", (40, 20), (200, 0, 0)).save(data, "PNG")
    return SimpleUploadedFile("matrice.png", data.getvalue(), content_type="image/png")
