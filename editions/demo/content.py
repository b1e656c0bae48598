"""The demo content, transcribed from the organiser's 2025 pre-programme and the facts about
earlier editions (shared/content/). Text is kept as the organiser wrote it."""

import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def paris(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


ORGANISATION = {
    "organisation_name": "Cités Unies France",
    "phone": "+33(0)1 53 41 81 81",
    "email": "coop-dec@cites-unies-france.org",
    "website": "https://cites-unies-france.org/-Rencontres-de-l-AICT-",
    "social_links": [
        ("x", "https://twitter.com/CitesUniesFR", "@CitesUniesFR"),
        ("linkedin", "https://www.linkedin.com/company/cites-unies-france-officiel/", ""),
    ],
}

HOME = {
    "title": "Rencontres de l'action internationale des collectivités territoriales",
    "introduction": (
        "<p>Chaque année, Cités Unies France réunit à Paris les élus et les agents des "
        "collectivités territoriales françaises et leurs partenaires internationaux pour les "
        "Rencontres de l'action internationale des collectivités territoriales (AICT).</p>"
    ),
}

VENUES = {
    "arts-et-metiers": {
        "name": "Salons de l’Hôtel des Arts & Métiers",
        "street_address": "9bis, avenue d’Iéna",
        "postcode": "75116",
        "city": "Paris",
        "country": "France",
        "website": "https://www.salons-artsetmetiers.com/",
    },
    "armenonville": {
        "name": "Pavillon d'Armenonville",
        "postcode": "75116",
        "city": "Paris",
        "country": "France",
    },
    "cite-des-sciences": {
        "name": "Cité des Sciences et de l'Industrie",
        "city": "Paris",
        "country": "France",
    },
}

ROOMS = [
    ("Espace des Partenaires", "arts-et-metiers"),
    ("Étoile 1", "armenonville"),
    ("Étoile 2", "armenonville"),
    ("Étoile 3", "armenonville"),
    ("Marly", "armenonville"),
]

PEOPLE = {
    "delafosse": {"first_name": "Michaël", "last_name": "Delafosse"},
}

# (name, website, logo initials)
PARTNERS = {
    "cuf": ("Cités Unies France", "https://cites-unies-france.org/", "CUF"),
    "platforma": ("PLATFORMA", "", "PLATFORMA"),
    "meae": ("Ministère de l'Europe et des Affaires étrangères (MEAE)", "", "MEAE"),
    "afd": ("Agence française de développement (AFD)", "", "AFD"),
}

EDITORIAL_2025 = [
    "Les défis mondiaux actuels exigent une coopération renforcée, où les collectivités "
    "territoriales jouent un rôle clé. Face aux crises économiques, environnementales et "
    "géopolitiques, elles sont en première ligne pour apporter des solutions concrètes et "
    "adaptées, grâce à leur proximité avec les citoyens et leur capacité à innover. La "
    "coopération décentralisée incarne ainsi un modèle de solidarité, d’échange et de respect "
    "des spécificités de chaque territoire.",
    "Elle constitue une véritable diplomatie des territoires, fondée sur l’engagement des élus "
    "locaux. En tissant des liens directs avec leurs homologues internationaux, ces derniers "
    "participent activement à un dialogue mondial, au-delà des actions étatiques traditionnelles.",
    "Les Rencontres de l’AICT célèbrent cette année leur 16ème édition et illustrent l’impact de "
    "cette coopération, en réunissant des acteurs et partenaires engagés. Elles sont un "
    "témoignage concret de la force de cette diplomatie locale, capable de renforcer les liens "
    "internationaux en amplifiant les voix de nos territoires et en les intégrant à un réseau de "
    "collectivités territoriales transnational.",
    "En cette année des 50 ans de Cités Unies France, nous avons la responsabilité de défendre "
    "et de promouvoir ce modèle, essentiel à la construction d’un avenir plus solidaire et "
    "interconnecté. Il est ainsi crucial de continuer à placer les territoires au cœur de la "
    "coopération internationale, dans le respect des valeurs qui nous unissent.",
    "Je suis ravi de vous retrouver le 4 juillet 2025, aux Salons de l’Hôtel des Arts & Métiers "
    "à Paris, pour échanger et construire l’AICT de demain. Ce sera une occasion unique de faire "
    "vivre cet engagement collectif à travers nos échanges entre collectivités françaises et "
    "partenaires internationaux, issus de plus de 25 pays, tout en répondant aux grands enjeux "
    "qui nous rassemblent.",
]

# (slug, start, end, type, title, room key or None)
SESSIONS_2025 = [
    (
        "accueil",
        (8, 0),
        (9, 0),
        "welcome",
        "Ouverture des Rencontres - Accueil des participants",
        None,
    ),
    (
        "seance-ouverture",
        (9, 0),
        (9, 30),
        "opening",
        "Séance d’ouverture officielle des Rencontres",
        None,
    ),
    ("ateliers-matin", (9, 30), (11, 0), "workshop", "Ateliers", None),
    ("reunions-regionales-matin", (9, 30), (11, 0), "regional", "Réunions régionales", None),
    (
        "rencontres-b-to-b-matin",
        (9, 30),
        (11, 0),
        "b2b",
        "Rencontres B to B",
        "Espace des Partenaires",
    ),
    (
        "pause-cafe",
        (11, 0),
        (11, 30),
        "break",
        "Pause café à l’Espace des partenaires",
        "Espace des Partenaires",
    ),
    ("conference-pleniere", (11, 30), (13, 0), "plenary", "Conférence plénière", None),
    ("cocktail-dejeuner", (13, 0), (14, 0), "meal", "Cocktail déjeuner", None),
    ("cafes-des-rencontres", (14, 0), (15, 0), "cafe", "« Cafés des Rencontres »", None),
    ("ateliers-apres-midi", (15, 0), (16, 30), "workshop", "Ateliers", None),
    ("reunions-regionales-apres-midi", (15, 0), (16, 30), "regional", "Réunions régionales", None),
    (
        "rencontres-b-to-b-apres-midi",
        (15, 0),
        (16, 30),
        "b2b",
        "Rencontres B to B",
        "Espace des Partenaires",
    ),
    (
        "pleniere-pays-a-l-honneur",
        (16, 30),
        (17, 30),
        "country_plenary",
        "Plénière de mise à l’honneur d’un pays",
        None,
    ),
    ("cloture", (17, 30), (18, 0), "closing", "Clôture des Rencontres - Verre d’amitié", None),
]

EDITION_2025 = {
    "title": "Rencontres de l'AICT 2025",
    "number": 16,
    "year": 2025,
    # Drawn by the loader (editions/demo/images.py): the demo's stand-in for the poster.
    "key_visual": ("AICT 2025", "#8e2442"),
    "accent_colour": "#8e2442",
    "theme": "Construisons l’action internationale des collectivités territoriales de demain !",
    "start": paris(2025, 7, 4, 8, 0),
    "end": paris(2025, 7, 4, 18, 0),
    "venue": "arts-et-metiers",
    "hashtag": "#RencontresAICT2025",
    "introduction": (
        "Rendez-vous vendredi 4 juillet 2025, aux Salons de l’Hôtel des Arts & Métiers, à Paris."
    ),
    "highlights": [
        "Plénière de mise à l’honneur d’un pays",
        "Remerciements aux collectivités organisatrices du « RELAIS DE LA COOP DEC’ »",
        "Conférence plénière thématique",
        "Ateliers thématiques",
        "Des réunions régionales",
        "« Cafés des Rencontres » : rendez-vous avec les acteurs de l’AICT",
        "Espace des Partenaires : networking - animations - rencontres B2B...",
    ],
    "editorial_title": (
        "16e édition des Rencontres de l’action internationale des collectivités territoriales "
        "(AICT) : « Construisons l’action internationale des collectivités territoriales de "
        "demain ! »"
    ),
    "editorial": EDITORIAL_2025,
    "editorial_author": "delafosse",
    "editorial_author_functions": (
        "Président de Cités Unies France\nMaire de Montpellier\n"
        "Président de Montpellier Méditerranée Métropole"
    ),
    "registration_url": "http://raict.org",
    "registration_opens": paris(2025, 4, 15),
    "footer_partners_heading": "Avec le concours de",
    # (partner key, tier name, caption, in footer)
    "partners": [
        ("cuf", "Organisateur", "", False),
        (
            "platforma",
            "Partenaires",
            "Le projet PLATFORMA est co-financé par l’Union européenne",
            True,
        ),
    ],
}

PRACTICAL_2025 = {
    "title": "Infos pratiques",
    "slug": "infos-pratiques",
    "transport": [
        ("metro", "9", "Iéna", "Sortie Musée Guimet"),
        ("bus", "32, 63, 82", "Iéna", ""),
    ],
    "parking_name": "Parking Kléber",
    "parking_address": "65 avenue Kléber 75116 Paris",
    "opening_hours": (
        "Vendredi 4 juillet 2025 : ouverture des Rencontres et accueil des participants à 8h00, "
        "clôture des Rencontres à 18h00."
    ),
    "contacts": [
        (
            "Pour plus d’informations sur le programme & les inscriptions en ligne, merci de "
            "contacter Cités Unies France :",
            "Cités Unies France",
            "+33(0)1 53 41 81 81",
            "coop-dec@cites-unies-france.org",
        )
    ],
    "links": [
        ("Site Internet de CUF", "https://cites-unies-france.org/-Rencontres-de-l-AICT-"),
        ("Site dédié aux Rencontres", "http://raict.org"),
        (
            "Les Rencontres de l’action internationale des collectivités sur le site de CUF",
            "https://cites-unies-france.org/-Rencontres-de-l-action-internationale-des-collectivites-",
        ),
    ],
}

RELAIS_2025 = {
    "title": "Relais de la coop déc’",
    "slug": "relais-de-la-coop-dec",
    "introduction": "Remerciements aux collectivités organisatrices du « RELAIS DE LA COOP DEC’ ».",
}

PAST_EDITIONS = [
    {
        "title": "Rencontres de l'AICT 2024",
        "number": 15,
        "year": 2024,
        "key_visual": ("AICT 2024", "#00695c"),
        "accent_colour": "#00695c",
        "theme": "La Diplomatie des territoires : les singularités de la coopération décentralisée",
        # A day and a half; the hours were not published: dates only.
        "start": paris(2024, 10, 23),
        "end": paris(2024, 10, 25),
        "dates_only": True,
        "participants": 500,
        "countries": 20,
        "session_count": 13,
        "figures_approximate": True,
        "venue": "armenonville",
        "honoured_country": "Cameroun",
        "introduction": (
            "Plus de 500 participants venus de plus de 20 pays : une conférence plénière, six "
            "réunions géographiques animées par les groupes-pays de Cités Unies France et six "
            "ateliers thématiques. Première édition avec un « pays à l’honneur », le Cameroun, "
            "dans un nouveau lieu, le Pavillon d’Armenonville."
        ),
        "registration_opens": paris(2024, 6, 15),
        "partners": [
            ("meae", "Partenaires institutionnels", "", True),
            ("afd", "Partenaires institutionnels", "", True),
            (
                "platforma",
                "Partenaires",
                "Le projet PLATFORMA est co-financé par l’Union européenne",
                True,
            ),
        ],
    },
    {
        "title": "Rencontres de l'AICT 2023",
        "number": 14,
        "year": 2023,
        "theme": (
            "Quelle contribution des collectivités territoriales à la résolution des grands "
            "enjeux mondiaux ?"
        ),
        "start": paris(2023, 9, 18),
        "end": paris(2023, 9, 20),
        "dates_only": True,
        "participants": 500,
        "countries": 30,
        "figures_approximate": True,
        "venue": "cite-des-sciences",
        "introduction": (
            "Plus de 500 participants venus de 30 pays. La conférence plénière a été ouverte par "
            "François Rebsamen, alors président de Cités Unies France et maire de Dijon."
        ),
        "partners": [],
    },
]

# The archive also shows how the site tells what happened to an edition. The facts of the
# editions before 2023 are not in the sources (../shared/content/past-editions.md): these
# are examples, and say so, of what the organiser's staff enter for real history.
EXAMPLE = " (Exemple de démonstration.)"
EXAMPLE_EDITIONS = [
    {
        "title": "Rencontres de l'AICT 2022",
        "number": 13,
        "year": 2022,
        "start": paris(2022, 7, 1, 9, 0),
        "end": paris(2022, 7, 1, 18, 0),
        "venue": "cite-des-sciences",
        "status": "cancelled",
        "status_note": "Annulées le jour même après un incident technique sur le lieu." + EXAMPLE,
        "registration_opens": paris(2022, 3, 1),
    },
    {
        "title": "Rencontres de l'AICT 2021",
        "number": 12,
        "year": 2021,
        "start": paris(2021, 7, 2, 9, 30),
        "end": paris(2021, 7, 2, 17, 0),
        "venue": "cite-des-sciences",
        "status": "online",
        "status_note": "Tenues en ligne en raison de la situation sanitaire." + EXAMPLE,
        "participants": 800,
        "countries": 35,
    },
    {
        "title": "Rencontres de l'AICT 2020",
        "number": 11,
        "year": 2020,
        "start": paris(2020, 9, 17, 9, 0),
        "end": paris(2020, 9, 18, 17, 0),
        "previous_start": paris(2020, 7, 2, 9, 0),
        "previous_end": paris(2020, 7, 3, 17, 0),
        "venue": "cite-des-sciences",
        "status": "rescheduled",
        "status_note": "Reportées de juillet à septembre." + EXAMPLE,
    },
    {
        "title": "Rencontres de l'AICT 2019",
        "number": 10,
        "year": 2019,
        "start": paris(2019, 11, 1),
        "end": paris(2019, 11, 2),
        "dates_only": True,
        "venue": "cite-des-sciences",
        "status": "postponed",
        "status_note": "Reportées à une date qui n'a pas été fixée." + EXAMPLE,
    },
    {
        "title": "Assises de la coopération décentralisée 2012",
        "event_name": "Assises de la coopération décentralisée",
        "year": 2012,
        "start": paris(2012, 7, 9),
        "end": paris(2012, 7, 11),
        "dates_only": True,
        "venue": "cite-des-sciences",
        "participants": 1000,
        "figures_approximate": True,
        "introduction": (
            "Une édition connue par ses seules dates et quelques chiffres, sans numéro, "
            "sous un autre nom." + EXAMPLE
        ),
    },
]

ACCESSIBILITY_PAGE = {
    "title": "Déclaration d’accessibilité",
    "slug": "accessibilite",
    "introduction": (
        "Cités Unies France s’engage à rendre ce site accessible conformément au référentiel "
        "général d’amélioration de l’accessibilité (RGAA), fondé sur les WCAG 2.1 niveau AA."
    ),
    "body": (
        "<p>Le site est construit en HTML sémantique, utilisable au clavier et sans JavaScript. "
        "Si vous rencontrez un défaut d’accessibilité, écrivez à "
        '<a href="mailto:coop-dec@cites-unies-france.org">coop-dec@cites-unies-france.org</a> '
        "pour obtenir le contenu sous une autre forme.</p>"
    ),
}
