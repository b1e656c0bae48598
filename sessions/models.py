import itertools

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.admin_widgets import QuarterHourDateTimeInput
from home.blocks import BodyStreamBlock
from home.models import BasePage, without_restricted
from home.translation import FactsFromSource, with_own_words

from .blocks import ResourcesStreamBlock
from .fields import ChoiceListField
from .filters import FILTER_NAMES, apply_filters, filter_pairs, offered, query_string, read_filters


class Person(FactsFromSource, TranslatableMixin, index.Indexed, models.Model):
    """Someone who speaks at the Rencontres; reused across editions."""

    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        allow_unicode=False,
        help_text=_("Used in the address of the speaker's page; filled in from the name."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True, max_length=1500)

    panels = [
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
        FieldPanel("slug"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.SearchField("bio"),
        index.SearchField("search_text"),
        index.AutocompleteField("last_name"),
        index.FilterField("locale_id"),
    ]
    # Facts (home/translation.py): the same in every language; the bio is words.
    fact_fields = ("first_name", "last_name", "slug", "photo")
    override_translatable_fields = [
        # Names are not translated, and the speaker's address is the same in every language.
        SynchronizedField("first_name"),
        SynchronizedField("last_name"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return " ".join(part for part in [self.first_name, self.last_name] if part)

    def search_text(self):
        from search.text import unaccent

        return unaccent(f"{self.full_name} {self.bio}")

    @property
    def initials(self):
        return "".join(part[0] for part in [self.first_name, self.last_name] if part).upper()

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.full_name)[:120] or "personne"
        clash = Person.objects.filter(slug=self.slug, locale_id=self.locale_id)
        if self.translation_key:
            clash = clash.exclude(translation_key=self.translation_key)
        if clash.exists():
            raise ValidationError(
                {"slug": _("Another person already uses this slug; add a distinguishing word.")}
            )


class Room(FactsFromSource, TranslatableMixin, index.Indexed, models.Model):
    """A room at a venue (« Espace des Partenaires », « Étoile 1 »…)."""

    name = models.CharField(_("name"), max_length=150)
    venue = models.ForeignKey(
        "editions.Venue", verbose_name=_("venue"), on_delete=models.PROTECT, related_name="rooms"
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    description = models.CharField(
        _("how to find it"), max_length=255, blank=True, help_text=_("Floor, wing, signage…")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("venue"),
        FieldPanel("capacity"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    # Facts (home/translation.py); the name and how to find it are words.
    fact_fields = ("venue", "capacity")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} — {self.venue.name}" if self.venue_id else self.name


class SessionType(models.TextChoices):
    WELCOME = "welcome", _("Welcome")
    OPENING = "opening", _("Official opening")
    PLENARY = "plenary", _("Plenary")
    WORKSHOP = "workshop", _("Workshop")
    REGIONAL = "regional", _("Regional meeting")
    B2B = "b2b", _("B2B meetings")
    CAFE = "cafe", _("« Café des Rencontres »")
    BREAK = "break", _("Break")
    MEAL = "meal", _("Meal")
    COUNTRY_PLENARY = "country_plenary", _("Country plenary")
    CLOSING = "closing", _("Closing")
    OTHER = "other", _("Other")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    KEYNOTE = "keynote", _("Keynote speaker")
    RAPPORTEUR = "rapporteur", _("Rapporteur")


class SessionLanguage(models.TextChoices):
    FR = "fr", _("French")
    EN = "en", _("English")
    ES = "es", _("Spanish")
    AR = "ar", _("Arabic")
    PT = "pt", _("Portuguese")


class ProgrammePage(BasePage):
    """The edition's schedule: days × time slots, parallel sessions side by side; filters in
    the query string, and the same (filtered) programme as iCalendar at calendar.ics."""

    shows_sessions = True
    # Each combination of filters offered is a view of its own in the page cache.
    cache_query_params = FILTER_NAMES

    template = "pages/programme_page.html"

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["editions.EditionPage"]
    subpage_types = ["programme.SessionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def sessions(self):
        return (
            with_own_words(without_restricted(SessionPage.objects.live().descendant_of(self)))
            .select_related("room")
            .prefetch_related(
                Prefetch(
                    "speakers",
                    queryset=SessionSpeaker.objects.select_related("person").order_by("sort_order"),
                )
            )
            .order_by("start", "end", "path")
        )

    @property
    def tzinfo(self):
        return self.edition.tzinfo if self.edition else timezone.get_current_timezone()

    def filtered_sessions(self, request):
        """(all sessions, active filters, the sessions they keep)."""
        sessions = list(self.sessions())
        params = request.GET if request is not None else {}
        filters = read_filters(params, SessionType.values, SessionLanguage.values)
        return sessions, filters, apply_filters(sessions, filters, self.tzinfo)

    def schedule(self, sessions=None):
        """[{'date': date, 'slots': [{'start', 'end', 'sessions': [...]}, …]}, …]."""
        if sessions is None:
            sessions = list(self.sessions())
        tz = self.tzinfo
        days = []
        for day, day_sessions in itertools.groupby(
            sessions, key=lambda s: timezone.localtime(s.start, tz).date()
        ):
            slots = []
            for start, slot_sessions in itertools.groupby(day_sessions, key=lambda s: s.start):
                slot_sessions = list(slot_sessions)
                ends = {s.end for s in slot_sessions}
                slots.append(
                    {
                        "start": start,
                        "end": ends.pop() if len(ends) == 1 else None,
                        "sessions": slot_sessions,
                        "parallel": len(slot_sessions) > 1,
                    }
                )
            days.append({"date": day, "slots": slots})
        return days

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sessions, filters, shown = self.filtered_sessions(request)
        tz = self.tzinfo
        types_present = {s.session_type for s in sessions}
        languages_present = {s.language for s in sessions}
        options = {
            "day": {timezone.localtime(s.start, tz).date() for s in sessions},
            "type": types_present,
            "room": {s.room_id for s in sessions if s.room_id},
            "region": {s.region for s in sessions if s.region},
            "language": languages_present,
        }
        if offered(filters, options):
            # The page cache keeps one view per combination of the options offered, and
            # nothing for values outside them (see cms.page_cache).
            request.page_cache_query = filter_pairs(filters)
        context.update(
            {
                "days": self.schedule(shown),
                "filters": filters,
                "day_options": sorted(options["day"]),
                "type_options": [
                    (v, label) for v, label in SessionType.choices if v in types_present
                ],
                "room_options": sorted(
                    {s.room_id: s.room for s in sessions if s.room_id}.values(),
                    key=lambda r: r.name,
                ),
                "region_options": sorted(options["region"]),
                "language_options": [
                    (v, label) for v, label in SessionLanguage.choices if v in languages_present
                ],
                "session_count": len(sessions),
                "shown_count": len(shown),
                **{
                    f"{name}_url": self.get_url(request) + filename + query_string(filters)
                    for name, filename in (
                        ("calendar", "calendar.ics"),
                        ("schedule_json", "schedule.json"),
                        ("schedule_xml", "schedule.xml"),
                    )
                },
            }
        )
        return context

    # Served by home.exports at <programme address><file name>.
    exports = {
        "calendar.ics": "serve_calendar",
        "schedule.json": "serve_schedule_json",
        "schedule.xml": "serve_schedule_xml",
        "programme.pdf": "serve_pdf",
    }

    def serve_pdf(self, request):
        from .printed import programme_pdf

        pdf, cached = programme_pdf(self)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug_for_file()}.pdf"'
        response["X-Programme-PDF"] = "cached" if cached else "made"
        return response

    def serve_schedule_json(self, request):
        from .schedule import build_schedule, to_json

        _sessions, _filters, shown = self.filtered_sessions(request)
        data = build_schedule(self, shown, request)
        return HttpResponse(to_json(data), content_type="application/json; charset=utf-8")

    def serve_schedule_xml(self, request):
        from .schedule import build_schedule, to_xml

        _sessions, _filters, shown = self.filtered_sessions(request)
        data = build_schedule(self, shown, request)
        return HttpResponse(
            to_xml(data, request.build_absolute_uri()),
            content_type="application/xml; charset=utf-8",
        )

    def serve_calendar(self, request):
        from .calendar import build_calendar

        _sessions, filters, shown = self.filtered_sessions(request)
        edition = self.edition
        name = f"{edition.title} — {self.title}" if edition else self.title
        return calendar_response(
            build_calendar(shown, edition, request, name), f"{self.slug_for_file()}.ics"
        )

    def slug_for_file(self):
        year = self.edition.year if self.edition else ""
        return f"rencontres-{year}-{self.slug}".strip("-")


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class SessionPage(BasePage):
    template = "pages/session_page.html"
    reference = models.CharField(
        _("reference"),
        max_length=50,
        blank=True,
        help_text=_(
            "The session's reference in the programme spreadsheet (A1, ATELIER-3…): "
            "imports match sessions on it."
        ),
    )
    session_type = models.CharField(_("type"), max_length=20, choices=SessionType.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True, max_length=1000)
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)
    region = models.CharField(
        _("world region or country"),
        max_length=150,
        blank=True,
        help_text=_("For regional meetings: « Afrique de l'Ouest », « Liban »…"),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=SessionLanguage.choices, default=SessionLanguage.FR
    )
    interpretation_languages = ChoiceListField(
        _("simultaneous interpretation into"),
        max_length=50,
        blank=True,
        choices=SessionLanguage.choices,
    )
    registration_url = models.URLField(
        _("registration address"),
        blank=True,
        help_text=_("Only when this session needs its own registration."),
    )
    resources = StreamField(
        ResourcesStreamBlock(),
        verbose_name=_("resources after the event"),
        blank=True,
        help_text=_("Video, documents and report, published after the session."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("session_type"), FieldPanel("status"), FieldPanel("reference")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("start", widget=QuarterHourDateTimeInput()),
                        FieldPanel("end", widget=QuarterHourDateTimeInput()),
                    ]
                ),
                FieldPanel("room"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
        InlinePanel("organising_partners", heading=_("Organising partners"), label=_("Partner")),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("language"), FieldPanel("interpretation_languages")]),
                FieldPanel("registration_url"),
            ],
            heading=_("Details"),
        ),
        FieldPanel("resources"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("region"),
        index.FilterField("session_type"),
        index.FilterField("start"),
    ]

    search_text_fields = ("title", "summary", "region")
    override_translatable_fields = [SynchronizedField("reference", overridable=False)]
    # Facts (home/translation.py): the same in every language, from the French session.
    fact_fields = (
        "session_type",
        "status",
        "start",
        "end",
        "room",
        "reference",
        "region",
        "language",
        "interpretation_languages",
        "registration_url",
        "resources",
    )
    # The speakers' functions at the session are words.
    fact_relations = {"speakers": ("person", "role"), "organising_partners": ("partner",)}
    # A language may point to a registration form of its own (wagtail-localize override).
    overridable_facts = ("registration_url",)
    parent_page_types = ["programme.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must come after the start.")
        edition = self.edition
        if edition is not None and self.start and self.end and "end" not in errors:
            first, last = edition.day_bounds()
            start_ok = first <= self.start < last
            if not (start_ok and first < self.end <= last):
                errors["start" if not start_ok else "end"] = self.outside_edition_message(edition)
        if self.room_id and edition is not None and edition.venue_id:
            if self.room.venue.translation_key != edition.venue.translation_key:
                errors["room"] = _("This room is not at the edition's venue (%(venue)s).") % {
                    "venue": edition.venue.name
                }
        if self.reference:
            parent = self.parent_for_validation
            if parent is not None:
                taken = SessionPage.objects.child_of(parent).filter(reference=self.reference)
                if self.pk:
                    taken = taken.exclude(pk=self.pk)
                if taken.exists():
                    errors["reference"] = _(
                        "Another session of this programme has the reference %(reference)s."
                    ) % {"reference": self.reference}
        if errors:
            raise ValidationError(errors)
        super().clean()

    def share_summary(self):
        return self.summary

    def structured_data(self, request, speakers):
        from home.chrome import site_chrome
        from home.structured_data import as_script_content, session_event

        if self.edition is None:
            return ""
        data = session_event(
            self, self.edition, request, site_chrome(request)["settings"], speakers
        )
        return as_script_content(data)

    @staticmethod
    def outside_edition_message(edition):
        days = [day.strftime("%d/%m/%Y") for day in edition.days]
        if len(days) == 1:
            return _("The session must take place on the day of the edition, %(day)s.") % {
                "day": days[0]
            }
        return _(
            "The session must take place during the edition, between %(first)s and %(last)s."
        ) % {"first": days[0], "last": days[-1]}

    @property
    def is_cancelled(self):
        return self.status == SessionStatus.CANCELLED

    @property
    def duration(self):
        return self.end - self.start

    def interpretation_labels(self):
        labels = dict(SessionLanguage.choices)
        return [labels[code] for code in self.interpretation_languages if code in labels]

    def has_ended(self, now=None):
        return (now or timezone.now()) >= self.end

    exports = {"calendar.ics": "serve_calendar"}  # served by home.exports

    def serve_calendar(self, request):
        from .calendar import build_calendar

        edition = self.edition
        content = build_calendar([self], edition, request, self.title)
        return calendar_response(content, f"{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = list(self.speakers.select_related("person", "person__photo"))
        context["organising_partners"] = list(
            self.organising_partners.select_related("partner", "partner__logo")
        )
        context["programme_page"] = context["breadcrumb_pages"][-1]
        context["structured_data"] = self.structured_data(request, context["speakers"])
        context["speaker_index"] = (
            SpeakerIndexPage.objects.live().child_of(self.edition).first() if self.edition else None
        )
        return context


class SessionSpeaker(TranslatableMixin, Orderable):
    session = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="session_roles"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER
    )
    function = models.CharField(
        _("function at this session"),
        max_length=255,
        blank=True,
        help_text=_("For example « Maire de Montpellier »."),
    )

    panels = [FieldPanel("person"), FieldPanel("role"), FieldPanel("function")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class SessionPartner(TranslatableMixin, Orderable):
    session = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="organising_partners")
    partner = models.ForeignKey(
        "partners.Partner", verbose_name=_("partner"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("partner")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("organising partner")
        verbose_name_plural = _("organising partners")


class SpeakerIndexPage(RoutablePageMixin, BasePage):
    """The speakers of an edition, with a page per person at <slug>/."""

    shows_sessions = True

    template = "pages/speaker_index_page.html"

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["editions.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("speakers page")
        verbose_name_plural = _("speakers pages")

    def edition_sessions(self):
        return without_restricted(SessionPage.objects.live().descendant_of(self.edition))

    def speakers(self):
        return (
            Person.objects.filter(session_roles__session__in=self.edition_sessions())
            .select_related("photo")
            .distinct()
            .order_by("last_name", "first_name")
        )

    def get_cached_paths(self):
        """The index and each speaker's page, for the CDN purge (wagtail.contrib.frontend_cache)."""
        return ["/"] + [f"/{slug}/" for slug in self.speakers().values_list("slug", flat=True)]

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides={"people": list(self.speakers())})

    @re_path(r"^(?P<person_slug>[-\w]+)/$")
    def person_route(self, request, person_slug):
        person = self.speakers().filter(slug=person_slug).first()
        if person is None:
            raise Http404
        # The page also lists where the person speaks in other editions.
        request.page_cache_extra_tags = {f"person:{person.translation_key}"}
        roles = list(
            SessionSpeaker.objects.filter(person=person, session__in=self.edition_sessions())
            .select_related("session", "session__room")
            .order_by("session__start")
        )
        return self.render(
            request,
            template="pages/speaker_detail_page.html",
            context_overrides={
                "person": person,
                "subpage_title": person.full_name,
                "roles": roles,
                "other_editions": self.other_editions(person),
            },
        )

    def other_editions(self, person):
        """The speaker index pages of the other editions where this person spoke, newest first."""
        from editions.models import EditionPage

        edition = self.edition
        paths = (
            SessionPage.objects.live()
            .filter(speakers__person=person)
            .exclude(path__startswith=edition.path)
            .values_list("path", flat=True)
        )
        prefix_length = edition.depth * Page.steplen
        edition_paths = {p[:prefix_length] for p in paths}
        editions = EditionPage.objects.live().filter(path__in=edition_paths).order_by("-start")
        indexes = {
            index_page.path[:prefix_length]: index_page
            for index_page in SpeakerIndexPage.objects.live().filter(
                depth=self.depth, locale_id=self.locale_id
            )
        }
        return [(e, indexes.get(e.path)) for e in editions]
