"""The idea toolkit: ideas from the seed documents' idea lists, retold in our own words."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from core.demo import child_page, demo_image, source_locale
from core.target_groups import TargetGroup

from .models import (
    Cost,
    GroupSize,
    IdeaIndexPage,
    IdeaPage,
    Organiser,
    PinnedRelatedIdea,
    PrepTime,
    Setting,
    Theme,
)

THEMES = {
    "activiteiten": ("Activiteiten", "Iets organiseren waar mensen elkaar ontmoeten."),
    "kleine-gebaren": (
        "Kleine gebaren",
        "Laat iemand merken: ik denk aan jou. Kost weinig, doet veel.",
    ),
    "teambuilding": (
        "Teambuilding",
        "Met je team iets doen voor een ander, en elkaar beter leren kennen.",
    ),
    "cultuur": ("Cultuur", "Cultuur verbindt: muziek, kunst, verhalen en spel."),
    "sport": ("Sport", "Sport als verbindende factor in de buurt."),
}

ORGANISERS = {
    "onderwijs": "Onderwijs",
    "bedrijven": "Bedrijven en mkb",
    "verenigingen": "Verenigingen en sportclubs",
    "overheid": "Overheid",
    "buurthuizen": "Buurthuizen",
    "goede-doelen": "Goede doelen",
    "buren": "Buren en bewoners",
}

THEME_COLOURS = {
    "activiteiten": "#0b4f8a",
    "kleine-gebaren": "#a0306b",
    "teambuilding": "#1d6b3a",
    "cultuur": "#6b3fa0",
    "sport": "#b34a0c",
}

INVITATION_TEXT = (
    "Uitnodiging huiskamergesprek\n\n"
    "Beste buur,\n\n"
    "Tijdens de Week van de Verbinding zet ik de koffie klaar. Kom je ook? We praten over wat "
    "ons bindt in de buurt. Je hoeft niets voor te bereiden.\n\n"
    "Datum: ..........   Tijd: ..........   Adres: ..........\n"
)

IDEAS = [
    {
        "slug": "dialoogsessie",
        "title": "Dialoogsessie over verbinding",
        "introduction": (
            "Een avond waarop mensen met verschillende achtergronden elkaar echt vragen stellen en "
            "naar elkaar luisteren."
        ),
        "themes": ["activiteiten"],
        "organisers": ["onderwijs", "overheid", "buurthuizen"],
        "facts": (PrepTime.DAY, Cost.FREE, GroupSize.MEDIUM, Setting.INDOOR, TargetGroup.EVERYONE),
        "steps": [
            (
                "Kies een open vraag, bijvoorbeeld: wanneer voelde jij je voor het laatst echt "
                "gehoord?"
            ),
            "Zoek een gespreksleider die zorgt dat iedereen aan het woord komt.",
            "Nodig bewust mensen uit die elkaar normaal niet spreken.",
            "Spreek vooraf af: luisteren om te begrijpen, niet om te overtuigen.",
            "Sluit af met één ding dat iedereen meeneemt naar huis.",
        ],
        "needs": [
            "Een rustige ruimte met stoelen in een kring",
            "Koffie, thee en iets lekkers",
            "Een gespreksleider",
        ],
        "tips": ["Houd de groep klein genoeg, met meer dan vijftien mensen maak je tafels."],
    },
    {
        "slug": "huiskamergesprek",
        "title": "Huiskamergesprek",
        "introduction": (
            "Nodig een paar buren of kennissen uit in je woonkamer voor een goed gesprek bij de "
            "koffie."
        ),
        "themes": ["activiteiten"],
        "organisers": ["buren", "goede-doelen"],
        "facts": (PrepTime.HOUR, Cost.LOW, GroupSize.SMALL, Setting.INDOOR, TargetGroup.EVERYONE),
        "steps": [
            "Vul de uitnodiging in en doe hem bij vijf tot acht buren in de bus.",
            "Zet koffie en thee klaar en zorg voor genoeg stoelen.",
            "Begin met een voorstelrondje: hoe lang woon je hier en wat vind je mooi aan de buurt?",
            "Laat het gesprek daarna zijn eigen weg gaan.",
        ],
        "needs": ["Een woonkamer", "Koffie, thee en koekjes", "Uitnodigingen"],
        "tips": ["Bel ook aan bij wie je zelden ziet: juist die buur waardeert de uitnodiging."],
        "document": "Uitnodiging huiskamergesprek",
    },
    {
        "slug": "boodschappen-voor-ouderen",
        "title": "Boodschappen doen voor ouderen",
        "introduction": (
            "Bied een oudere of gehandicapte buur aan om de boodschappen te doen, en neem de tijd "
            "voor een praatje bij het afleveren."
        ),
        "themes": ["kleine-gebaren"],
        "organisers": ["buren", "verenigingen", "onderwijs"],
        "facts": (PrepTime.HOUR, Cost.FREE, GroupSize.ALONE, Setting.OUTDOOR, TargetGroup.ELDERLY),
        "steps": [
            (
                "Vraag bij een buurthuis of de wijkverpleging wie er graag hulp krijgt, of bel "
                "gewoon aan."
            ),
            "Spreek een vast moment af en schrijf samen het lijstje.",
            "Doe de boodschappen en reken netjes af met het bonnetje erbij.",
            "Drink bij het afleveren een kop koffie mee.",
        ],
        "needs": ["Een boodschappentas", "Een uurtje tijd"],
        "tips": ["Het praatje is minstens zo belangrijk als de boodschappen."],
    },
    {
        "slug": "cadeaus-voor-gezinnen-in-armoede",
        "title": "Cadeaus voor gezinnen in armoede",
        "introduction": (
            "Zamel geld of cadeaus in en zorg dat ouders en kinderen die het krap hebben in "
            "december iets moois krijgen."
        ),
        "themes": ["activiteiten"],
        "organisers": ["bedrijven", "goede-doelen", "verenigingen"],
        "facts": (
            PrepTime.WEEK,
            Cost.MEDIUM,
            GroupSize.MEDIUM,
            Setting.INDOOR,
            TargetGroup.CHILDREN,
        ),
        "steps": [
            "Werk samen met een lokale organisatie die de gezinnen kent, zoals de voedselbank.",
            "Vraag per gezin een wensenlijstje op, zonder namen.",
            "Laat collega's of clubleden een wens uitkiezen en een cadeau kopen.",
            "Pak de cadeaus samen in en laat de organisatie ze uitdelen.",
        ],
        "needs": [
            "Een samenwerkingspartner",
            "Inpakpapier en labels",
            "Een plek om cadeaus te verzamelen",
        ],
        "tips": ["Stel een richtbedrag per cadeau vast, dan voelt niemand zich tekortgedaan."],
    },
    {
        "slug": "bloemenactie",
        "title": "Bloemenactie op straat",
        "introduction": (
            "Geef voorbijgangers een bloem en begin een gesprek. Een kleine verrassing die de hele "
            "dag blijft hangen."
        ),
        "themes": ["kleine-gebaren"],
        "organisers": ["bedrijven", "verenigingen", "buren"],
        "facts": (PrepTime.HOUR, Cost.LOW, GroupSize.SMALL, Setting.OUTDOOR, TargetGroup.EVERYONE),
        "steps": [
            "Vraag een bloemist om een voordelige partij bloemen.",
            "Kies een drukke plek: een markt, het station, een winkelstraat.",
            "Geef een bloem en vraag: hoe gaat het écht met je?",
            "Deel een foto met de hashtag van de week.",
        ],
        "needs": ["Bloemen", "Een emmer water", "Een paar enthousiaste mensen"],
        "tips": ["Meld een actie op straat vooraf bij de gemeente als je een kraam neerzet."],
        "image": "kleine-gebaren",
    },
    {
        "slug": "buitenspeeldag-jeugd",
        "title": "Buitenactiviteiten voor de jeugd",
        "introduction": (
            "Een middag vol spellen op het pleintje: kinderen en jongeren uit de buurt leren "
            "elkaar kennen."
        ),
        "themes": ["activiteiten", "sport"],
        "organisers": ["verenigingen", "buurthuizen", "onderwijs"],
        "facts": (PrepTime.WEEK, Cost.LOW, GroupSize.MEDIUM, Setting.OUTDOOR, TargetGroup.YOUTH),
        "steps": [
            "Kies een plein of veldje en vraag zo nodig toestemming.",
            "Bedenk spellen waarvoor je weinig nodig hebt: estafette, touwtrekken, stoepkrijten.",
            "Vraag ouders en oudere jongeren om te helpen als spelleider.",
            "Sluit af met warme chocolademelk.",
        ],
        "needs": ["Spelmateriaal", "Vrijwilligers", "Warme drank"],
        "tips": ["Laat jongeren zelf een spel verzinnen en leiden."],
    },
    {
        "slug": "culturele-avond",
        "title": "Verbindende culturele avond",
        "introduction": (
            "Buurtbewoners delen muziek, gerechten en verhalen uit hun eigen achtergrond."
        ),
        "themes": ["cultuur"],
        "organisers": ["buurthuizen", "goede-doelen"],
        "facts": (
            PrepTime.WEEK,
            Cost.MEDIUM,
            GroupSize.LARGE,
            Setting.INDOOR,
            TargetGroup.EVERYONE,
        ),
        "steps": [
            (
                "Vraag een paar bewoners met verschillende achtergronden om iets te laten zien of "
                "proeven."
            ),
            "Maak een programma van korte bijdragen van vijf tot tien minuten.",
            "Zorg voor een gastheer of gastvrouw die de avond aan elkaar praat.",
            "Laat iedereen na afloop aan tafel samen eten.",
        ],
        "needs": ["Een zaal", "Tafels en stoelen", "Geluidsinstallatie"],
        "tips": ["Vraag gasten iets mee te nemen voor een gezamenlijk buffet."],
        "image": "cultuur",
    },
    {
        "slug": "verbindingsloop",
        "title": "VerbindingsLoop",
        "introduction": "Een wandel- of hardloopronde waarbij je steeds met iemand anders oploopt.",
        "themes": ["sport"],
        "organisers": ["verenigingen", "overheid", "bedrijven"],
        "facts": (
            PrepTime.WEEKS,
            Cost.MEDIUM,
            GroupSize.LARGE,
            Setting.OUTDOOR,
            TargetGroup.EVERYONE,
        ),
        "steps": [
            "Zet een route uit van drie tot vijf kilometer, ook geschikt voor wandelaars.",
            "Deel bij de start kaartjes uit met een gespreksvraag.",
            "Wissel bij elke kilometerpost van loopmaatje.",
            "Eindig bij een plek met soep of koffie.",
        ],
        "needs": ["Een route en vergunning", "Vrijwilligers langs de route", "Gesprekskaartjes"],
        "tips": ["Maak er geen wedstrijd van: meedoen is het doel."],
    },
    {
        "slug": "concert-van-de-verbinding",
        "title": "Concert van de Verbinding",
        "introduction": (
            "Een koor, schoolorkest of band speelt voor de buurt, met een plek voor wie anders "
            "alleen thuis zou zitten."
        ),
        "themes": ["cultuur"],
        "organisers": ["verenigingen", "onderwijs"],
        "facts": (
            PrepTime.WEEKS,
            Cost.MEDIUM,
            GroupSize.LARGE,
            Setting.INDOOR,
            TargetGroup.EVERYONE,
        ),
        "steps": [
            "Vraag een muziekvereniging, koor of school om mee te doen.",
            "Zoek een zaal, kerk of aula.",
            "Nodig via buurthuis en zorg ook ouderen en eenzame buren uit, en regel vervoer.",
            "Zing op het eind samen een bekend lied.",
        ],
        "needs": ["Muzikanten", "Een zaal", "Vervoer voor wie slecht ter been is"],
        "tips": ["Houd de toegang gratis of vraag een vrijwillige bijdrage."],
    },
    {
        "slug": "culturele-markt",
        "title": "Culturele markt",
        "introduction": "Een markt waar bewoners hun cultuur, ambacht of hobby laten zien.",
        "themes": ["cultuur"],
        "organisers": ["buurthuizen", "overheid"],
        "facts": (
            PrepTime.WEEKS,
            Cost.MEDIUM,
            GroupSize.LARGE,
            Setting.OUTDOOR,
            TargetGroup.EVERYONE,
        ),
        "steps": [
            "Zoek een plein of grote hal en vraag de benodigde vergunning aan.",
            "Nodig bewoners uit een kraam te vullen met eten, muziek, kunst of een verhaal.",
            "Maak een plattegrond en een kort podiumprogramma.",
            "Zorg voor een plek waar bezoekers even kunnen zitten en praten.",
        ],
        "needs": ["Kramen of tafels", "Een vergunning", "Een klein podium"],
        "tips": ["Geef de kraamhouders een gespreksvraag om bezoekers mee aan te spreken."],
    },
    {
        "slug": "tuinklus-met-je-team",
        "title": "Tuinklus met je team",
        "introduction": "Met collega's de tuin opknappen van iemand die dat zelf niet meer kan.",
        "themes": ["teambuilding"],
        "organisers": ["bedrijven", "overheid"],
        "facts": (PrepTime.DAY, Cost.LOW, GroupSize.SMALL, Setting.OUTDOOR, TargetGroup.ELDERLY),
        "steps": [
            "Vraag via een welzijnsorganisatie wie hulp in de tuin kan gebruiken.",
            "Bekijk de tuin vooraf en maak een klussenlijst.",
            "Plan een ochtend met het team, gereedschap mee.",
            "Neem de tijd voor koffie met de bewoner: daar gaat het om.",
        ],
        "needs": ["Tuingereedschap", "Werkhandschoenen", "Groene afvalzakken"],
        "tips": ["Vraag de bewoner wat hij of zij zelf het belangrijkst vindt."],
        "image": "teambuilding",
    },
    {
        "slug": "schilderklus",
        "title": "Schilderklus voor een goed doel",
        "introduction": (
            "Je team schildert een ruimte van een buurthuis, inloophuis of iemand die "
            "ondersteuning kan gebruiken."
        ),
        "themes": ["teambuilding"],
        "organisers": ["bedrijven"],
        "facts": (PrepTime.DAY, Cost.MEDIUM, GroupSize.SMALL, Setting.INDOOR, TargetGroup.EVERYONE),
        "steps": [
            "Zoek een organisatie of persoon met een schilderklus.",
            "Spreek kleur, verf en planning samen af.",
            "Dek af, schilder en ruim netjes op.",
            "Sluit af met een gezamenlijke lunch.",
        ],
        "needs": ["Verf, kwasten en rollers", "Afdekfolie", "Lunch"],
        "tips": ["Laat een ervaren schilder uit het team de rest even instrueren."],
    },
    {
        "slug": "buurt-bbq",
        "title": "Buurt-BBQ door je bedrijf",
        "introduction": (
            "Je bedrijf steekt de barbecue aan voor de buurt. Gezellig, en meteen goede reclame."
        ),
        "themes": ["teambuilding"],
        "organisers": ["bedrijven"],
        "facts": (PrepTime.WEEK, Cost.HIGH, GroupSize.LARGE, Setting.OUTDOOR, TargetGroup.EVERYONE),
        "steps": [
            "Kies een plek bij je bedrijf of in de buurt.",
            "Nodig omwonenden uit met een flyer in de bus.",
            "Verdeel de taken: bakken, schenken, ontvangen.",
            "Zorg dat collega's aan tafel gaan bij de gasten.",
        ],
        "needs": [
            "Barbecue en brandstof",
            "Eten en drinken, ook vegetarisch",
            "Tafels en statafels",
        ],
        "tips": ["In december is het koud: denk aan een tent en warme drank."],
    },
    {
        "slug": "workshop-schilderen-boetseren",
        "title": "Workshop schilderen of boetseren",
        "introduction": (
            "Samen met je handen bezig zijn maakt praten makkelijk. Een creatieve workshop voor "
            "jong en oud."
        ),
        "themes": ["cultuur", "teambuilding"],
        "organisers": ["onderwijs", "buurthuizen", "verenigingen"],
        "facts": (PrepTime.DAY, Cost.LOW, GroupSize.SMALL, Setting.INDOOR, TargetGroup.EVERYONE),
        "steps": [
            "Vraag een kunstenaar of creatieve buur om de workshop te geven.",
            "Kies een eenvoudig thema, zoals 'wat mij verbindt'.",
            "Zet tafels neer met materiaal voor iedereen.",
            "Maak aan het eind een kleine tentoonstelling.",
        ],
        "needs": ["Verf, papier of klei", "Schorten", "Tafels"],
        "tips": ["Mix de leeftijden aan tafel: grootouders en kleinkinderen werken graag samen."],
    },
    {
        "slug": "inzamelactie",
        "title": "Inzamelactie voor hulpbehoevenden",
        "introduction": (
            "Zamel houdbaar eten, warme kleding of speelgoed in voor mensen die het nodig hebben."
        ),
        "themes": ["activiteiten"],
        "organisers": ["onderwijs", "bedrijven", "verenigingen"],
        "facts": (PrepTime.WEEK, Cost.FREE, GroupSize.MEDIUM, Setting.INDOOR, TargetGroup.CHILDREN),
        "steps": [
            "Vraag de voedselbank of kledingbank wat ze nu het meest nodig hebben.",
            "Zet een paar dozen op een zichtbare plek.",
            "Vertel een week lang waarom je inzamelt.",
            "Breng de spullen samen weg en vertel daarna hoeveel het opleverde.",
        ],
        "needs": ["Dozen", "Een poster", "Vervoer"],
        "tips": ["Een concreet doel werkt beter: 'honderd pakken rijst' in plaats van 'eten'."],
    },
    {
        "slug": "rollenspel",
        "title": "Rollenspel: in de schoenen van een ander",
        "introduction": (
            "Een les of workshop waarin jongeren met toneel ervaren hoe het is om iemand anders te "
            "zijn."
        ),
        "themes": ["cultuur"],
        "organisers": ["onderwijs"],
        "facts": (PrepTime.DAY, Cost.FREE, GroupSize.MEDIUM, Setting.INDOOR, TargetGroup.YOUTH),
        "steps": [
            (
                "Schrijf korte situaties op kaartjes, bijvoorbeeld: de nieuwe leerling die niemand "
                "kent."
            ),
            "Laat groepjes een situatie kort naspelen.",
            "Wissel daarna de rollen om.",
            "Bespreek samen: wat voelde je, en wat zou helpen?",
        ],
        "needs": ["Situatiekaartjes", "Een lege ruimte", "Een begeleider"],
        "tips": ["Veiligheid eerst: niemand hoeft iets te spelen wat te dichtbij komt."],
    },
    {
        "slug": "sportinstuif-voor-de-buurt",
        "title": "Sportinstuif voor de buurt",
        "introduction": (
            "Je sportclub zet de deuren open: buurtbewoners proberen een sport en drinken na in de "
            "kantine."
        ),
        "themes": ["sport"],
        "organisers": ["verenigingen"],
        "facts": (PrepTime.WEEK, Cost.LOW, GroupSize.LARGE, Setting.EITHER, TargetGroup.EVERYONE),
        "steps": [
            "Kies een middag en reserveer veld of zaal.",
            "Vraag trainers en leden om korte kennismakingslessen te geven.",
            "Nodig de buurt uit via school, buurthuis en huis-aan-huisblad.",
            "Sluit af in de kantine, met een drankje van de club.",
        ],
        "needs": ["Veld of zaal", "Trainers", "Ballen en materiaal"],
        "tips": ["Zorg voor onderdelen die ook zonder conditie leuk zijn."],
        "image": "sport",
    },
    {
        "slug": "liftkoffie",
        "title": "Liftkoffie",
        "introduction": (
            "Ga met een tafeltje, koffie en koekjes bij de lift van een flat zitten en maak een "
            "praatje met wie langskomt."
        ),
        "themes": ["activiteiten", "kleine-gebaren"],
        "organisers": ["buren", "buurthuizen"],
        "facts": (PrepTime.HOUR, Cost.LOW, GroupSize.ALONE, Setting.INDOOR, TargetGroup.ELDERLY),
        "steps": [
            "Vraag de beheerder of het goed is dat je in de hal gaat zitten.",
            "Zet een klein tafeltje en een stoel neer bij de lift.",
            "Schenk koffie en thee voor iedereen die even blijft staan.",
            "Kom een paar keer terug: de tweede keer blijven er meer mensen hangen.",
        ],
        "needs": ["Een klaptafel en stoel", "Een kan koffie en een kan thee", "Een doos koekjes"],
        "tips": ["Maak het niet ingewikkeld: aanwezig zijn is genoeg."],
        "quote": (
            "Je kunt het groots aanpakken, maar het simpele werkt het best.",
            "Ervaring van een bewoonster in een Bredase flat",
        ),
    },
    {
        "slug": "koffie-op-de-bakfiets",
        "title": "Koffierondje op de bakfiets",
        "introduction": (
            "Fiets met koffie, een tafeltje en een prikbord door de wijk en vraag buren naar hun "
            "ideeën voor de buurt."
        ),
        "themes": ["activiteiten"],
        "organisers": ["buurthuizen", "buren"],
        "facts": (PrepTime.DAY, Cost.LOW, GroupSize.SMALL, Setting.OUTDOOR, TargetGroup.EVERYONE),
        "steps": [
            "Leen een bakfiets, bijvoorbeeld van het buurthuis.",
            "Richt hem in met thermoskannen, bekers, een klaptafel en een prikbord.",
            "Stop op plekken waar mensen langskomen: bij school, de supermarkt, een bankje.",
            "Laat buren op het prikbord schrijven wat ze voor de buurt zouden willen.",
        ],
        "needs": ["Een bakfiets", "Thermoskannen en bekers", "Een prikbord, kaartjes en punaises"],
        "tips": ["Het gaat om gezien worden, niet om eenzaamheid bestrijden: zeg gewoon gedag."],
    },
    {
        "slug": "kaartje-door-de-bus",
        "title": "Een kaartje door de bus",
        "introduction": (
            "Schrijf een kaartje of maak een tekening voor iemand die wel wat aandacht kan "
            "gebruiken."
        ),
        "themes": ["kleine-gebaren"],
        "organisers": ["buren", "onderwijs"],
        "facts": (PrepTime.HOUR, Cost.FREE, GroupSize.ALONE, Setting.INDOOR, TargetGroup.ELDERLY),
        "steps": [
            "Bedenk wie je dit jaar weinig hebt gezien.",
            "Schrijf een paar persoonlijke zinnen of maak een tekening.",
            "Doe het kaartje zelf door de bus.",
        ],
        "needs": ["Kaartjes of papier", "Een pen of potloden"],
        "tips": ["Met een klas kun je een hele straat of een verpleeghuis verrassen."],
    },
    {
        "slug": "bloemetje-langsbrengen",
        "title": "Een bloemetje langsbrengen",
        "introduction": "Breng onverwacht een bloemetje bij een buur en bel even aan.",
        "themes": ["kleine-gebaren"],
        "organisers": ["buren"],
        "facts": (PrepTime.HOUR, Cost.LOW, GroupSize.ALONE, Setting.EITHER, TargetGroup.ELDERLY),
        "steps": [
            "Koop of pluk een klein bosje bloemen.",
            "Bel aan en zeg dat je gewoon even aan diegene dacht.",
            "Heeft je buur tijd? Ga dan even zitten.",
        ],
        "needs": ["Een bosje bloemen"],
        "tips": ["Niemand thuis? Laat een kaartje met je naam achter."],
    },
    {
        "slug": "kerstboom-optuigen",
        "title": "Samen de kerstboom optuigen",
        "introduction": (
            "Help een buur die het niet meer alleen kan met het optuigen van de kerstboom."
        ),
        "themes": ["kleine-gebaren"],
        "organisers": ["buren", "goede-doelen"],
        "facts": (PrepTime.HOUR, Cost.FREE, GroupSize.ALONE, Setting.INDOOR, TargetGroup.ELDERLY),
        "steps": [
            "Vraag je buur of die hulp wil bij het versieren.",
            "Haal samen de dozen van zolder of uit de schuur.",
            "Tuig de boom op en luister naar de verhalen bij de ballen.",
            "Spreek af dat je in januari helpt met opruimen.",
        ],
        "needs": ["Een uurtje tijd", "Eventueel een trapje"],
        "tips": ["Neem kerstmuziek mee, dan wordt het vanzelf gezellig."],
    },
    {
        "slug": "wandelvoetbal",
        "title": "Wandelvoetbal met ouderen",
        "introduction": (
            "Voetbal zonder rennen: oudere buurtgenoten spelen een potje met jongeren van de club."
        ),
        "themes": ["sport"],
        "organisers": ["verenigingen"],
        "facts": (PrepTime.DAY, Cost.FREE, GroupSize.MEDIUM, Setting.OUTDOOR, TargetGroup.ELDERLY),
        "steps": [
            "Reserveer een half veld en zet een klein doel neer.",
            "Nodig ouderen uit via het buurthuis en de huisartsenpraktijk.",
            "Maak gemengde teams van jong en oud.",
            "Speel twee korte helften met een koffiepauze ertussen.",
        ],
        "needs": ["Een half veld", "Een bal en twee kleine doelen", "Koffie"],
        "tips": ["Regel: niet rennen en niet hoger dan heuphoogte schieten."],
    },
]

PINNED = {"liftkoffie": ["koffie-op-de-bakfiets"], "koffie-op-de-bakfiets": ["liftkoffie"]}


def load(home):
    index = child_page(
        home,
        IdeaIndexPage,
        "ideeen",
        title="Ideeën",
        show_in_menus=True,
        introduction=(
            "Simpel met Impact: ideeën die je vandaag bedenkt en morgen uitvoert. Kies een thema, "
            "kijk wat bij jou of je organisatie past, en doe mee."
        ),
    )
    themes = {slug: demo_facet(Theme, slug, *data) for slug, data in THEMES.items()}
    organisers = {slug: demo_facet(Organiser, slug, name) for slug, name in ORGANISERS.items()}
    created = [demo_idea(index, data, themes, organisers) for data in IDEAS]
    pin_related(index, [idea for idea, is_new in created if is_new])
    return index


def demo_facet(model, slug, name, description=""):
    facet, _ = model.objects.get_or_create(
        locale=source_locale(), slug=slug, defaults={"name": name, "description": description}
    )
    return facet


def demo_idea(index, data, themes, organisers):
    """The idea page for this data and whether it was created now."""
    existing = index.get_children().filter(slug=data["slug"]).first()
    if existing:
        return existing.specific, False
    prep_time, cost, group_size, setting, target_group = data["facts"]
    idea = child_page(
        index,
        IdeaPage,
        data["slug"],
        title=data["title"],
        introduction=data["introduction"],
        themes=[themes[slug] for slug in data["themes"]],
        organisers=[organisers[slug] for slug in data["organisers"]],
        prep_time=prep_time,
        cost=cost,
        group_size=group_size,
        setting=setting,
        target_group=target_group,
        body=idea_body(data),
    )
    return idea, True


def idea_body(data):
    body = [("steps", {"heading": "", "steps": data["steps"]})]
    body.append(("what_you_need", {"heading": "", "items": data["needs"]}))
    body.append(("tips", {"heading": "", "items": data["tips"]}))
    if "quote" in data:
        text, attribution = data["quote"]
        body.append(("quote", {"text": text, "attribution": attribution}))
    if "image" in data:
        body.append(("image", theme_image_block(data["image"])))
    if "document" in data:
        body.append(("document", {"document": demo_document(data["document"]), "label": ""}))
    return body


def theme_image_block(theme_slug):
    name = THEMES[theme_slug][0]
    image = demo_image(f"Idee: {name}", THEME_COLOURS[theme_slug], name)
    return {"image": image, "alt_text": "", "caption": ""}


def demo_document(title):
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is None:
        document = document_model(title=title)
        content = ContentFile(INVITATION_TEXT.encode())
        document.file.save("uitnodiging-huiskamergesprek.txt", content)
        document.save()
    return document


def pin_related(index, new_ideas):
    by_slug = {page.slug: page for page in IdeaPage.objects.child_of(index)}
    for idea in new_ideas:
        for number, slug in enumerate(PINNED.get(idea.slug, [])):
            PinnedRelatedIdea.objects.create(page=idea, idea=by_slug[slug], sort_order=number)
        if idea.slug in PINNED:
            IdeaPage.objects.get(pk=idea.pk).save_revision().publish()
