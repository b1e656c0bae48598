"""Builds the demo site idempotently: a second run finds everything in place and adds nothing."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from wagtail.models import Locale, Page, PageLogEntry, Site

from editions.models import (
    Contact,
    EditionPage,
    PracticalInfoPage,
    TransportItem,
    UsefulLink,
    Venue,
)
from home.models import HomePage, SiteSettings, StandardPage
from home.roles import HOME_DEPTH
from partners.models import EditionPartner, Partner, PartnersPage, PartnerTier
from sessions.models import Person, ProgrammePage, Room, SessionPage, SpeakerIndexPage

from . import content
from .images import get_or_create_image, get_or_create_poster


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = []

    def note(self, kind, label):
        self.created.append((kind, label))
        self.log(f"  + {kind}: {label}")

    @transaction.atomic
    def run(self):
        self.locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        self.home = self.ensure_home()
        self.ensure_site_settings()
        self.venues = {key: self.ensure_venue(data) for key, data in content.VENUES.items()}
        self.rooms = {
            name: self.ensure_room(name, self.venues[venue]) for name, venue in content.ROOMS
        }
        self.people = {key: self.ensure_person(key, data) for key, data in content.PEOPLE.items()}
        self.partners = {
            key: self.ensure_partner(index, *data)
            for index, (key, data) in enumerate(content.PARTNERS.items())
        }
        self.build_2025()
        for data in content.PAST_EDITIONS + content.EXAMPLE_EDITIONS:
            self.ensure_edition(data)
        accessibility = self.ensure_child(
            self.home,
            StandardPage,
            content.ACCESSIBILITY_PAGE["slug"],
            title=content.ACCESSIBILITY_PAGE["title"],
            introduction=content.ACCESSIBILITY_PAGE["introduction"],
            body=[("paragraph", content.ACCESSIBILITY_PAGE["body"])],
        )
        site_settings = SiteSettings.for_site(self.site)
        if site_settings.accessibility_page_id is None:
            site_settings.accessibility_page = accessibility
            site_settings.save()
        return self.created

    # --- site -------------------------------------------------------------------------

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=self.locale, depth=HOME_DEPTH).first()
        if home is None:
            home = HomePage(
                title=content.HOME["title"],
                slug="accueil",
                introduction=content.HOME["introduction"],
                locale=self.locale,
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.note("page", home.title)
        if site is None:
            site = Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Rencontres de l'AICT",
            )
        elif site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "Rencontres de l'AICT"
            site.save()
            # Wagtail's own « Welcome » placeholder goes; any other page is kept.
            if type(old_root.specific) is Page and not old_root.get_children().exists():
                self.remove_placeholder(old_root)
        self.site = site
        return home

    @staticmethod
    def remove_placeholder(placeholder):
        """Wagtail's « Welcome to your new Wagtail site! » page and its copies in the other
        languages (made before this project stopped copying it) go without a trace: the site
        history of the French admin would list them, in English, as pages someone deleted."""
        ids = [placeholder.pk, *placeholder.get_translations().values_list("pk", flat=True)]
        title = placeholder.title
        placeholder.delete()
        PageLogEntry.objects.filter(
            Q(page_id__in=ids)
            | Q(content_type=ContentType.objects.get_for_model(Page), label=title)
        ).delete()

    def ensure_site_settings(self):
        site_settings = SiteSettings.for_site(self.site)
        if not site_settings.email:
            data = content.ORGANISATION
            site_settings.organisation_name = data["organisation_name"]
            site_settings.phone = data["phone"]
            site_settings.email = data["email"]
            site_settings.website = data["website"]
            site_settings.social_links = [
                ("account", {"platform": platform, "url": url, "handle": handle})
                for platform, url, handle in data["social_links"]
            ]
            site_settings.save()
            self.note("settings", data["organisation_name"])

    # --- snippets ---------------------------------------------------------------------

    def ensure_snippet(self, model, lookup, defaults):
        obj = model.objects.filter(locale=self.locale, **lookup).first()
        if obj is None:
            obj = model(locale=self.locale, **lookup, **defaults)
            obj.full_clean()
            obj.save()
            self.note(model._meta.verbose_name, str(obj))
        return obj

    def ensure_venue(self, data):
        data = dict(data)
        return self.ensure_snippet(Venue, {"name": data.pop("name")}, data)

    def ensure_room(self, name, venue):
        return self.ensure_snippet(Room, {"name": name, "venue": venue}, {})

    def ensure_person(self, key, data):
        return self.ensure_snippet(
            Person,
            {"first_name": data["first_name"], "last_name": data["last_name"]},
            {},
        )

    def ensure_partner(self, index, name, url, initials):
        partner = self.ensure_snippet(Partner, {"name": name}, {"url": url})
        if partner.logo_id is None:
            partner.logo = get_or_create_image(f"Logo {name}", initials, colour_index=index)
            partner.save()
        return partner

    def tier(self, name):
        # Seeded by the partners migration; an editor may have removed one since.
        return PartnerTier.objects.get_or_create(
            locale=self.locale, name=name, defaults={"order": 100}
        )[0]

    # --- pages ------------------------------------------------------------------------

    def ensure_child(self, parent, model, slug, **fields):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is not None:
            return page
        page = model(slug=slug, locale=self.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.note(model._meta.verbose_name, page.title)
        return page

    def ensure_edition(self, data):
        data = dict(data)
        partners = data.pop("partners", [])
        editorial = data.pop("editorial", None)
        highlights = data.pop("highlights", [])
        author = data.pop("editorial_author", None)
        poster = data.pop("key_visual", None)
        data["venue"] = self.venues[data["venue"]]
        if poster:
            data["key_visual"] = get_or_create_poster(f"Affiche {data['title']}", *poster)
        if editorial:
            data["editorial"] = "".join(f"<p>{paragraph}</p>" for paragraph in editorial)
        if author:
            data["editorial_author"] = self.people[author]
        existing = EditionPage.objects.child_of(self.home).filter(slug=str(data["year"])).first()
        if existing is not None:
            return existing, False
        edition = EditionPage(slug=str(data["year"]), locale=self.locale, **data)
        edition.highlights = [("highlight", {"text": text, "page": None}) for text in highlights]
        for order, (key, tier_name, caption, in_footer) in enumerate(partners):
            edition.edition_partners.add(
                EditionPartner(
                    partner=self.partners[key],
                    tier=self.tier(tier_name),
                    caption=caption,
                    show_in_footer=in_footer,
                    sort_order=order,
                    locale=self.locale,
                )
            )
        self.home.add_child(instance=edition)
        edition.save_revision().publish()
        self.note("edition", edition.title)
        return edition, True

    def build_2025(self):
        data = dict(content.EDITION_2025)
        edition, created = self.ensure_edition(data)
        relais = self.ensure_child(
            edition,
            StandardPage,
            content.RELAIS_2025["slug"],
            title=content.RELAIS_2025["title"],
            introduction=content.RELAIS_2025["introduction"],
            show_in_menus=False,
        )
        if created:
            # Link the highlight that thanks the « Relais de la coop déc' » to its page.
            highlights = [
                ("highlight", {"text": text, "page": relais if "RELAIS" in text else None})
                for text in content.EDITION_2025["highlights"]
            ]
            edition.highlights = highlights
            edition.save_revision().publish()

        programme = self.ensure_child(
            edition, ProgrammePage, "programme", title="Programme", show_in_menus=True
        )
        year = edition.year
        for slug, (h1, m1), (h2, m2), session_type, title, room in content.SESSIONS_2025:
            self.ensure_child(
                programme,
                SessionPage,
                slug,
                title=title,
                session_type=session_type,
                start=content.paris(year, 7, 4, h1, m1),
                end=content.paris(year, 7, 4, h2, m2),
                room=self.rooms[room] if room else None,
                language="fr",
            )
        if programme.announced_at is None:
            # Announced once its sessions were in (the pre-programme, with registration):
            # from then on, a session published for the first time is « ajoutée ».
            programme.announced_at = content.paris(year, 4, 15, 12, 0)
            programme.save_revision().publish()
        self.ensure_child(edition, SpeakerIndexPage, "intervenants", title="Intervenants")
        self.ensure_child(
            edition, PartnersPage, "partenaires", title="Partenaires", show_in_menus=True
        )
        self.ensure_practical_info(edition)
        portrait = get_or_create_image(
            "Michaël Delafosse (illustration)", "MD", size=(240, 300), colour_index=2
        )
        author = self.people["delafosse"]
        if author.photo_id is None:
            author.photo = portrait
            author.save()

    def ensure_practical_info(self, edition):
        data = content.PRACTICAL_2025
        if PracticalInfoPage.objects.child_of(edition).exists():
            return
        page = PracticalInfoPage(
            title=data["title"],
            slug=data["slug"],
            locale=self.locale,
            show_in_menus=True,
            parking_name=data["parking_name"],
            parking_address=data["parking_address"],
            opening_hours=data["opening_hours"],
        )
        for order, (mode, lines, station, exit_) in enumerate(data["transport"]):
            page.transport_items.add(
                TransportItem(
                    mode=mode,
                    lines=lines,
                    station=station,
                    exit=exit_,
                    sort_order=order,
                    locale=self.locale,
                )
            )
        for order, (description, name, phone, email) in enumerate(data["contacts"]):
            page.contacts.add(
                Contact(
                    description=description,
                    name=name,
                    phone=phone,
                    email=email,
                    sort_order=order,
                    locale=self.locale,
                )
            )
        for order, (label, url) in enumerate(data["links"]):
            page.links.add(UsefulLink(label=label, url=url, sort_order=order, locale=self.locale))
        edition.add_child(instance=page)
        page.save_revision().publish()
        self.note("page", page.title)
