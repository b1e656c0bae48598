"""A large edition for the benchmark, beside the demo: 2027, two days, 80 sessions in eight
rooms, 150 speakers (two or three per session), 40 partners with logos, in French, English
and Spanish (Wagtail's copy for translation), everything published.

Run on the database configured by the environment: `python -m bench.large_edition`.
"""

import datetime
import os
import random

LANGUAGES = ("en", "es")
SESSIONS, SPEAKERS, PARTNERS, ROOMS = 80, 150, 40, 8
TYPES = ["plenary", "workshop", "regional", "b2b", "cafe", "workshop", "workshop", "regional"]


def build(log=print):
    from wagtail.models import Locale

    from editions.demo.content import paris
    from editions.demo.images import get_or_create_image
    from editions.models import EditionPage, PracticalInfoPage, Venue
    from home.models import HomePage
    from partners.models import EditionPartner, Partner, PartnersPage, PartnerTier
    from sessions.models import (
        Person,
        ProgrammePage,
        Room,
        SessionPage,
        SessionPartner,
        SessionSpeaker,
        SpeakerIndexPage,
    )

    rng = random.Random(2027)
    french = Locale.objects.get(language_code="fr")
    home = HomePage.objects.get(locale=french)
    venue = Venue.objects.filter(locale=french).first()
    rooms = [
        Room.objects.get_or_create(locale=french, venue=venue, name=f"Salle {n + 1}")[0]
        for n in range(ROOMS)
    ]
    tiers = list(PartnerTier.objects.filter(locale=french).order_by("order"))

    people = []
    for n in range(SPEAKERS):
        person = Person(
            locale=french,
            first_name=f"Prénom{n}",
            last_name=f"Intervenant{n:03d}",
            slug=f"intervenant-{n:03d}",
            bio="Élu·e local·e engagé·e dans la coopération décentralisée depuis dix ans. " * 3,
        )
        person.save()
        people.append(person)
    partners = []
    for n in range(PARTNERS):
        partner = Partner(
            locale=french,
            name=f"Collectivité partenaire {n + 1}",
            url=f"https://partenaire-{n + 1}.example.org/",
            logo=get_or_create_image(f"Logo partenaire {n + 1}", f"P{n + 1}", colour_index=n),
        )
        partner.save()
        partners.append(partner)
    log(f"{len(people)} speakers, {len(partners)} partners")

    edition = EditionPage(
        locale=french,
        title="Rencontres de l'AICT 2027",
        slug="2027",
        number=18,
        year=2027,
        theme="Les collectivités territoriales face aux défis mondiaux",
        start=paris(2027, 7, 1, 8, 0),
        end=paris(2027, 7, 2, 18, 0),
        venue=venue,
        hashtag="#RencontresAICT2027",
        introduction="Deux jours de plénières, d'ateliers et de rencontres.",
    )
    for order, partner in enumerate(partners):
        edition.edition_partners.add(
            EditionPartner(
                locale=french,
                partner=partner,
                tier=tiers[order % len(tiers)],
                show_in_footer=order < 12,
                sort_order=order,
            )
        )
    home.add_child(instance=edition)
    edition.save_revision().publish()
    programme = ProgrammePage(locale=french, title="Programme", slug="programme")
    edition.add_child(instance=programme)
    programme.save_revision().publish()
    for model, title, slug in (
        (SpeakerIndexPage, "Intervenants", "intervenants"),
        (PartnersPage, "Partenaires", "partenaires"),
        (PracticalInfoPage, "Infos pratiques", "infos-pratiques"),
    ):
        page = model(locale=french, title=title, slug=slug)
        if model is PracticalInfoPage:
            page.venue = venue
        edition.add_child(instance=page)
        page.save_revision().publish()

    sessions = []
    for n in range(SESSIONS):
        day, slot = divmod(n, SESSIONS // 2)
        hour, room = divmod(slot, ROOMS)
        start = paris(2027, 7, 1 + day, 9 + hour * 2, 0)
        session = SessionPage(
            locale=french,
            title=f"Atelier {n + 1} : coopération décentralisée et territoires",
            slug=f"seance-{n + 1:02d}",
            session_type=TYPES[room],
            start=start,
            end=start + datetime.timedelta(minutes=90),
            room=rooms[room],
            language="fr",
            summary="Retours d’expérience, débat et recommandations pour l’action des territoires.",
        )
        for order, person in enumerate(rng.sample(people, 3 if n % 2 else 2)):
            session.speakers.add(
                SessionSpeaker(
                    locale=french,
                    person=person,
                    role="moderator" if order == 0 else "speaker",
                    function="Maire adjoint·e aux relations internationales",
                    sort_order=order,
                )
            )
        session.organising_partners.add(
            SessionPartner(locale=french, partner=partners[n % PARTNERS], sort_order=0)
        )
        programme.add_child(instance=session)
        session.save_revision().publish()
        sessions.append(session)
    # Every speaker speaks somewhere.
    speaking = set(
        SessionSpeaker.objects.filter(session__in=sessions).values_list("person_id", flat=True)
    )
    spare = [p for p in people if p.pk not in speaking]
    for person, session in zip(spare, sessions, strict=False):
        SessionSpeaker.objects.create(
            locale=french, session=session, person=person, role="speaker", sort_order=9
        )
    log(f"{len(sessions)} sessions in French")

    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        for snippet in people + partners:
            snippet.copy_for_translation(locale).save()
        alias = edition.get_translation_or_none(locale)
        if alias is not None and alias.alias_of_id:
            # Publishing the French pages gave every language an alias of them
            # (home/translation/): the translations below replace them.
            alias.delete()
        pages = [edition, *edition.get_descendants().specific()]
        for page in pages:
            translated = page.copy_for_translation(locale)
            translated.save_revision().publish()
        # The copied speaker and partner rows point to the French snippets: to their
        # translations, as wagtail-localize's synchronisation does.
        for model, field in (
            (SessionSpeaker, "person"),
            (SessionPartner, "partner"),
            (EditionPartner, "partner"),
        ):
            for row in model.objects.filter(locale=locale, **{f"{field}__locale": french}):
                target = getattr(row, field).get_translation_or_none(locale)
                if target is not None:  # else the French snippet stays, as on the site
                    setattr(row, field, target)
                    row.save(update_fields=[f"{field}_id"])
        log(f"{len(pages)} pages in {code}")
    return edition


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    build()
