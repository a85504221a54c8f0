"""InspiratieTeams of every kind, invented for the demo, in Dutch."""

from core.demo import child_page
from core.provinces import Province

from .models import TeamIndexPage, TeamLink, TeamNeed, TeamPage

Kind = TeamPage.Kind
Need = TeamNeed.Kind

# slug: (title, kind, place, province, introduction, story, needs)
TEAMS = {
    "liftkoffie-middellaan": (
        "Liftkoffie Middellaan",
        Kind.LOCAL_INITIATIVE,
        "Breda",
        Province.NOORD_BRABANT,
        "Bewoners van een flat die elkaar leren kennen bij een kop koffie naast de lift.",
        "<p>Het begon met één tafeltje, een pot koffie en een doos koekjes. Wie eerst snel naar "
        "boven liep, blijft nu even staan. Simpel werkt het best.</p>",
        [
            (Need.HOSTS, "Bewoners die een ochtend koffie willen schenken."),
            (Need.FUNDING, "Een klein budget voor koffie, thee en koekjes."),
        ],
    ),
    "bakfiets-zandweerd": (
        "Op de bakfiets door Zandweerd",
        Kind.LOCAL_INITIATIVE,
        "Deventer",
        Province.OVERIJSSEL,
        "Met een bakfiets vol koffie en een prikbord de wijk in.",
        "<p>We gaan de straat op, waar iedereen langskomt. Terwijl je een bakkie drinkt, hang je "
        "je wens voor de buurt op het prikbord.</p>",
        [(Need.VOLUNTEERS, "Fietsers die een middag willen rondrijden.")],
    ),
    "mental-training-center": (
        "Team Mental Training Center",
        Kind.COMPANY,
        "Utrecht",
        Province.UTRECHT,
        "De initiatiefnemers van de week doen zelf natuurlijk ook mee.",
        "<p>Als bedrijf willen we ook maatschappelijk iets betekenen. Commercie en samenleving "
        "kunnen elkaar versterken, en we worden er zelf blij van.</p>",
        [(Need.PARTICIPANTS, "Mensen die willen meepraten in een dialoogsessie.")],
    ),
    "sv-de-kampen": (
        "Sportvereniging De Kampen",
        Kind.ASSOCIATION,
        "Heerenveen",
        Province.FRIESLAND,
        "Sport als verbindende factor: de club opent de deuren voor de hele buurt.",
        "<p>Onze leden organiseren een instuif voor jong en oud. Iedereen mag meedoen, lid of niet.</p>",
        [
            (Need.VOLUNTEERS, "Trainers die een uurtje willen begeleiden."),
            (Need.PARTICIPANTS, "Buurtbewoners die eens willen komen kijken."),
        ],
    ),
    "obs-de-regenboog": (
        "Basisschool De Regenboog",
        Kind.SCHOOL,
        "Lelystad",
        Province.FLEVOLAND,
        "Leerlingen schrijven kaartjes en zingen voor de ouderen in de wijk.",
        "<p>Groep 7 en 8 bedenken zelf wat ze doen voor een ander. Dit jaar: kaartjes en een "
        "kerstkoor in het woonzorgcentrum.</p>",
        [(Need.HOSTS, "Een woonzorgcentrum dat ons wil ontvangen.")],
    ),
    "buurtfonds-zeeland": (
        "Buurtfonds Walcheren",
        Kind.FUND,
        "Middelburg",
        Province.ZEELAND,
        "Een klein fonds dat buurtactiviteiten in de Week van de Verbinding een zetje geeft.",
        "<p>Met een paar honderd euro kan een buurt al veel. Wij helpen met kleine bijdragen en "
        "zonder ingewikkelde formulieren.</p>",
        [(Need.PARTICIPANTS, "Buurtinitiatieven met een plan voor december.")],
    ),
    "kiwanis-limburg": (
        "Kiwanis Zuid-Limburg",
        Kind.SERVICE_CLUB,
        "Maastricht",
        Province.LIMBURG,
        "Onze leden promoten de week in hun netwerk en organiseren zelf een concert.",
        "<p>Als serviceclub hebben we een groot netwerk. Dat zetten we in voor verbinding, met een "
        "Concert van de Verbinding als hoogtepunt.</p>",
        [
            (Need.VENUE, "Een zaal voor ongeveer honderd mensen."),
            (Need.VOLUNTEERS, "Helpers voor de garderobe en de koffie."),
        ],
    ),
    "rotary-groningen": (
        "Rotary Groningen-Stad",
        Kind.SERVICE_CLUB,
        "Groningen",
        Province.GRONINGEN,
        "Boodschappenrondes en klusochtenden voor wie wel een handje kan gebruiken.",
        "<p>We koppelen leden aan buurtbewoners die hulp kunnen gebruiken, en blijven daarna "
        "gewoon even zitten voor een kop koffie.</p>",
        [(Need.PARTICIPANTS, "Ouderen die hulp bij boodschappen of klussen willen.")],
    ),
    "cultuurhuis-haarlem": (
        "Cultuurhuis Haarlem",
        Kind.ASSOCIATION,
        "Haarlem",
        Province.NOORD_HOLLAND,
        "Cultuur verbindt: workshops, toneel en een culturele markt.",
        "<p>Vrijwilligers van het cultuurhuis geven workshops schilderen en toneel voor iedereen "
        "die zin heeft, ervaring is niet nodig.</p>",
        [(Need.VOLUNTEERS, "Mensen die een workshop willen geven.")],
    ),
    "brancheclub-zorg": (
        "Zorgbranche Verbindt",
        Kind.TRADE_BODY,
        "Rotterdam",
        Province.ZUID_HOLLAND,
        "Een brancheorganisatie die haar leden uitdaagt om in december iets te organiseren.",
        "<p>We mobiliseren zorginstellingen in het hele land. Elke locatie bedenkt iets kleins "
        "voor bewoners, buren en medewerkers.</p>",
        [(Need.PARTICIPANTS, "Zorglocaties die willen meedoen.")],
    ),
    "kerk-de-ontmoeting": (
        "Geloofsgemeenschap De Ontmoeting",
        Kind.CHURCH,
        "Assen",
        Province.DRENTHE,
        "Een open tafel in de kerkzaal voor iedereen die de feestdagen niet alleen wil doorbrengen.",
        "<p>Kerkelijk of niet, iedereen is welkom aan onze lange tafel.</p>",
        [(Need.HOSTS, "Koks en gastvrouwen voor de maaltijd.")],
    ),
    "buren-nijmegen-oost": (
        "Buren van Nijmegen-Oost",
        Kind.LOCAL_INITIATIVE,
        "Nijmegen",
        Province.GELDERLAND,
        "Een groep buren die elk jaar iets nieuws verzint om de wijk dichter bij elkaar te brengen.",
        "<p>Huiskamergesprekken, oliebollen aan de deur, een wandeling: het hoeft niet groot te zijn.</p>",
        [(Need.VENUE, "Een huiskamer of buurtruimte voor een avond.")],
    ),
}


def load(home):
    index = child_page(
        home,
        TeamIndexPage,
        "inspiratieteams",
        title="InspiratieTeams",
        show_in_menus=True,
        introduction=(
            "Groepjes vrienden, buren, collega's en clubs die samen iets kleins organiseren. "
            "Begin er zelf een, of sluit je aan."
        ),
    )
    for slug, data in TEAMS.items():
        demo_team(index, slug, *data)
    return index


def demo_team(index, slug, title, kind, place, province, introduction, story, needs):
    existing = index.get_children().filter(slug=slug).exists()
    team = child_page(
        index,
        TeamPage,
        slug,
        title=title,
        kind=kind,
        place=place,
        province=province,
        introduction=introduction,
        story=story,
        contact_name="Contactpersoon van het team",
        contact_email=f"{slug}@example.org",
    )
    if not existing:
        for need_kind, description in needs:
            TeamNeed.objects.create(page=team, kind=need_kind, description=description)
        TeamLink.objects.create(
            page=team, label="Meer over ons", url=f"https://example.org/{slug}/"
        )
        team.save_revision().publish()
    return team
