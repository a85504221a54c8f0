"""The real editions of the Week van de Verbinding, retold in our own words."""

import datetime

from core.demo import child_page, demo_image, source_locale

from .models import EditionIndexPage, EditionPage, EditionPartner, Partner

HOUSE_RULES = (
    "<ul>"
    "<li>We werken samen vanuit vertrouwen, verbinding en waardering.</li>"
    "<li>We gaan respectvol, enthousiast en positief met elkaar om.</li>"
    "<li>Vriendelijk zijn kost niets en levert veel op.</li>"
    "<li>We helpen en stimuleren elkaar, en kijken vooruit in plaats van terug (FeedForward).</li>"
    "</ul>"
)

REASON = (
    "<p>De samenleving raakt steeds meer gepolariseerd, ook door het harde toontje op sociale "
    "media. Tegelijk voelen steeds meer mensen zich eenzaam, jongeren niet uitgezonderd. "
    "Aandacht voor elkaar kost niets: vraag eens hoe het met iemand gaat.</p>"
)

INTENTION = (
    "<p>Zoveel mogelijk mensen en organisaties laten ervaren dat het anders kan: met elkaar in "
    "gesprek gaan, aandacht hebben voor wie alleen is, en kijken naar wat ons bindt in plaats "
    "van wat ons scheidt. Zo zetten we samen een positieve ontwikkeling in gang.</p>"
)

YIELDS = {
    "yield_society": "Meer verbinding, respect, begrip en aandacht voor elkaar.",
    "yield_organisations": (
        "Binnen: een betere werksfeer en samenwerking. Buiten: een positieve uitstraling en "
        "zichtbare betrokkenheid bij de samenleving."
    ),
    "yield_persons": "Zingeving: je betekent iets voor een ander, en dat voelt goed.",
}

EDITIONS = [
    {
        "year": 2023,
        "start_date": datetime.date(2023, 12, 11),
        "end_date": datetime.date(2023, 12, 16),
        "theme": "Samen doen",
        "introduction": (
            "De allereerste Week van de Verbinding: een pilot vanuit het Mental Training Center, "
            "zonder budget maar met veel hart, in de week na Sinterklaas."
        ),
    },
    {
        "year": 2024,
        "start_date": datetime.date(2024, 12, 8),
        "end_date": datetime.date(2024, 12, 12),
        "theme": "Simpel met Impact",
        "introduction": (
            "De tweede pilot. InspiratieTeams in het hele land lieten zien dat een kleine "
            "activiteit al verschil maakt."
        ),
    },
    {
        "year": 2025,
        "start_date": datetime.date(2025, 12, 8),
        "end_date": datetime.date(2025, 12, 12),
        "theme": "Simpel met Impact",
        "introduction": (
            "De derde editie: activiteiten die je vandaag bedenkt en morgen uitvoert. Gewoon "
            "doen, en daarmee anderen blij maken."
        ),
    },
    {
        "year": 2026,
        "start_date": datetime.date(2026, 12, 7),
        "end_date": datetime.date(2026, 12, 11),
        "theme": "Simpel met Impact",
        "introduction": (
            "De vierde editie komt eraan. Begin een InspiratieTeam met vrienden, buren of "
            "collega's en bedenk iets kleins met grote impact."
        ),
    },
]

PARTNERS = [
    {
        "name": "Mental Training Center",
        "kind": Partner.Kind.POWERED_BY,
        "website": "http://www.mentaltrainingcenter.com/",
        "description": "Initiatiefnemer van de Week van de Verbinding.",
        "colour": "#0b4f8a",
    },
    {
        "name": "Serviceclub Voorbeeld",
        "kind": Partner.Kind.SERVICE_CLUB,
        "website": "",
        "description": "Voorbeeldpartner: een serviceclub die de week in haar netwerk promoot.",
        "colour": "#6b3fa0",
    },
    {
        "name": "Buurtfonds Voorbeeld",
        "kind": Partner.Kind.SPONSOR,
        "website": "",
        "description": "Voorbeeldpartner: een fonds dat kleine buurtactiviteiten sponsort.",
        "colour": "#1d6b3a",
    },
]


def load(home):
    index = child_page(
        home,
        EditionIndexPage,
        "edities",
        title="Edities",
        show_in_menus=True,
        introduction="Elk jaar in december een week vol kleine activiteiten die verbinden.",
    )
    partners = [demo_partner(**data) for data in PARTNERS]
    for data in EDITIONS:
        demo_edition(index, partners, data)
    return index


def demo_partner(name, colour, **fields):
    partner = Partner.objects.filter(name=name, locale=source_locale()).first()
    if partner is None:
        logo = demo_image(f"Logo {name}", colour, name, size=(480, 240))
        partner = Partner.objects.create(name=name, logo=logo, locale=source_locale(), **fields)
    return partner


def demo_edition(index, partners, data):
    year = data["year"]
    existing = index.get_children().filter(slug=str(year)).exists()
    edition = child_page(
        index,
        EditionPage,
        str(year),
        title=f"Week van de Verbinding {year}",
        hashtag=f"#WeekvandeVerbinding{year}",
        intention=INTENTION,
        reason=REASON,
        house_rules=HOUSE_RULES,
        contact_name="Ruud de Smit, initiatiefnemer",
        **YIELDS,
        **data,
    )
    if not existing:
        for partner in partners:
            EditionPartner.objects.create(page=edition, partner=partner)
        edition.save_revision().publish()
    return edition
