"""Activity ideas from the seed lists, retold, to build demo and benchmark activities from."""

import datetime
import functools
import random

from core.target_groups import TargetGroup
from places.geocoders import PostcodeTableGeocoder
from places.postcodes import postcode_table

from .geocoding import location_fields
from .models import ActivityPage
from .places import VENUES
from .validation import EDITION_TIME_ZONE

Kind = ActivityPage.Kind
# (title, kind, target group, introduction, description)
IDEAS = [
    (
        "Liftkoffie",
        Kind.MEAL,
        TargetGroup.NEIGHBOURS,
        "Een tafeltje, koffie, thee en koekjes bij de lift: even blijven staan voor een praatje.",
        "<p>We zetten een tafel neer waar iedereen langskomt. Wie wil, schuift aan. Meer is het niet, "
        "en juist daardoor werkt het.</p>",
    ),
    (
        "Dialoogavond over verbinding",
        Kind.WORKSHOP,
        TargetGroup.EVERYONE,
        "Een avond praten en vooral luisteren: wat verbindt ons, ook als we van mening verschillen?",
        "<p>Een gespreksleider helpt om bij de vraag te blijven. Geen debat, wel een goed gesprek.</p>",
    ),
    (
        "Huiskamergesprek",
        Kind.MEETING,
        TargetGroup.NEIGHBOURS,
        "Zes buren in één woonkamer, met soep en een goed gesprek.",
        "<p>Een buurtbewoner opent de eigen huiskamer. We praten over wat de buurt fijn maakt.</p>",
    ),
    (
        "Boodschappenronde voor ouderen",
        Kind.HELPING_HAND,
        TargetGroup.ELDERLY,
        "Vrijwilligers doen boodschappen voor wie daar zelf moeilijk aan toekomt, en drinken een kop koffie mee.",
        "<p>Geef je boodschappenlijstje op; wij brengen alles langs en nemen de tijd voor een praatje.</p>",
    ),
    (
        "Bloemenactie op de markt",
        Kind.SMALL_GESTURE,
        TargetGroup.EVERYONE,
        "We delen bloemen uit aan voorbijgangers en vragen: hoe gaat het écht met je?",
        "<p>Een bloem is een mooie aanleiding om een gesprek te beginnen. Kom gerust meehelpen.</p>",
    ),
    (
        "Kerstpakketten voor gezinnen",
        Kind.COLLECTION,
        TargetGroup.CHILDREN,
        "Een inzamelactie voor cadeautjes voor ouders en kinderen die het krap hebben.",
        "<p>Breng een nieuw of goed bewaard cadeau mee. Wij pakken in en brengen rond.</p>",
    ),
    (
        "Buitenspeeldag in de winter",
        Kind.SPORT,
        TargetGroup.CHILDREN,
        "Spelletjes, warme chocolademelk en een vuurkorf op het plein.",
        "<p>Kinderen spelen, ouders raken aan de praat. Warme kleren aan!</p>",
    ),
    (
        "Verbindingsloop",
        Kind.SPORT,
        TargetGroup.EVERYONE,
        "Een korte loop of wandeling door de wijk, in tweetallen die elkaar nog niet kennen.",
        "<p>Je loopt vijf kilometer samen met iemand die je nog niet kent. Tempo maakt niet uit.</p>",
    ),
    (
        "Concert van de Verbinding",
        Kind.MUSIC,
        TargetGroup.EVERYONE,
        "Koren en bandjes uit de buurt zingen en spelen samen, met het publiek.",
        "<p>Een middag muziek waar iedereen aan mee kan doen. Na afloop koffie en een praatje.</p>",
    ),
    (
        "Culturele markt",
        Kind.CULTURE,
        TargetGroup.NEWCOMERS,
        "Eten, muziek en verhalen uit alle culturen die de wijk rijk is.",
        "<p>Bewoners laten zien waar ze vandaan komen, met een hapje en een verhaal.</p>",
    ),
    (
        "Schilderworkshop voor iedereen",
        Kind.CULTURE,
        TargetGroup.PEOPLE_ALONE,
        "Samen schilderen: je hoeft het niet te kunnen, alleen zin te hebben.",
        "<p>Materiaal is er. Aan het eind hangen we alles op en kijken we naar elkaars werk.</p>",
    ),
    (
        "Tuinklus met collega's",
        Kind.TEAMBUILDING,
        TargetGroup.COLLEAGUES,
        "Een team van kantoor knapt tuinen op bij mensen die dat zelf niet meer kunnen.",
        "<p>We snoeien, vegen en planten, en drinken daarna koffie met de bewoners.</p>",
    ),
    (
        "Samen koken, samen eten",
        Kind.MEAL,
        TargetGroup.PEOPLE_ALONE,
        "Een maaltijd die we met z'n allen bereiden en aan één lange tafel opeten.",
        "<p>Iedereen helpt een beetje mee. Wie alleen eet, is extra welkom.</p>",
    ),
    (
        "Kaartjes voor de buren",
        Kind.SMALL_GESTURE,
        TargetGroup.NEIGHBOURS,
        "Schrijf een kaartje voor iemand in je straat die wel wat aandacht kan gebruiken.",
        "<p>Wij zorgen voor kaarten en pennen. Jij schrijft, wij helpen bezorgen.</p>",
    ),
    (
        "Sportinstuif voor de buurt",
        Kind.SPORT,
        TargetGroup.YOUTH,
        "De sportclub opent de deuren: voetbal, badminton en tafeltennis voor wie maar wil.",
        "<p>Sport is een makkelijke manier om nieuwe mensen te leren kennen.</p>",
    ),
    (
        "Verbindtafel",
        Kind.MEETING,
        TargetGroup.PEOPLE_ALONE,
        "Aan tafel met beeld- en themakaarten: zo ontstaat vanzelf een gesprek.",
        "<p>De kaarten helpen om te vertellen wat je bezighoudt. Niemand hoeft iets.</p>",
    ),
    (
        "Online verhalenavond",
        Kind.MEETING,
        TargetGroup.EVERYONE,
        "Vanuit je eigen huis verhalen delen over een moment van verbinding.",
        "<p>We praten via een videoverbinding in kleine groepjes. De link krijg je na aanmelding.</p>",
    ),
    (
        "Oliebollen voor de straat",
        Kind.SMALL_GESTURE,
        TargetGroup.NEIGHBOURS,
        "We bakken oliebollen en bellen aan bij de buren om ze te brengen.",
        "<p>Een klein gebaar aan de deur, met tijd voor een kort gesprek.</p>",
    ),
]

HOURS = [(10, 12), (14, 16), (15, 17), (19, 21), (20, 22)]


def pick_place(rng):
    """Any Dutch postcode, with a made-up street and house number: spread over the country."""
    area = rng.choice(postcode_areas())
    letters = "".join(rng.choice("ABCEGHJKLMNPRTVWXZ") for _ in range(2))
    street = f"{rng.choice(STREETS)} {rng.randrange(1, 200)}"
    return area.place, street, f"{area.postcode} {letters}", area.province


@functools.cache
def postcode_areas():
    return sorted(postcode_table().values(), key=lambda area: area.postcode)


STREETS = ["Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Marktplein"]


def activity_for(edition, rng, idea=None, place=None, team=None):
    """An unsaved, valid ActivityPage inside the edition's week, decided by `rng`."""
    title, kind, target_group, introduction, description = idea or rng.choice(IDEAS)
    city, street, postcode, province = place or pick_place(rng)
    online = title.startswith("Online")
    day = edition.start_date + datetime.timedelta(
        days=rng.randrange((edition.end_date - edition.start_date).days + 1)
    )
    start_hour, end_hour = rng.choice(HOURS)
    registration = rng.random() < 0.4
    paid = rng.random() < 0.15
    activity = ActivityPage(
        title=f"{title} in {city}",
        introduction=introduction,
        description=description,
        starts_at=datetime.datetime.combine(day, datetime.time(start_hour), EDITION_TIME_ZONE),
        ends_at=datetime.datetime.combine(day, datetime.time(end_hour), EDITION_TIME_ZONE),
        is_online=online,
        location_name="" if online else rng.choice(VENUES),
        street_address="" if online else street,
        postcode="" if online else postcode,
        city=city,
        province=province,
        team=team,
        kind=kind,
        target_group=target_group,
        registration_required=registration,
        capacity=rng.choice([12, 20, 30, 50]) if registration else None,
        cost=ActivityPage.Cost.PAID if paid else ActivityPage.Cost.FREE,
        price="€ 5, koffie en thee inbegrepen" if paid else "",
        wheelchair_accessible=rng.random() < 0.6,
        accessible_toilet=rng.random() < 0.4,
        hearing_loop=rng.random() < 0.2,
        quiet_space=rng.random() < 0.2,
    )
    if not online:
        locate_from_table(activity)
    return activity


def locate_from_table(activity):
    """Coordinates from the postcode table at once, as the background job would find them."""
    location = PostcodeTableGeocoder().locate(activity.postcode)
    for name, value in location_fields(location).items():
        setattr(activity, name, value)
    activity.geocoded_for = activity.address_key()


def seeded_random(*parts):
    return random.Random("-".join(str(part) for part in parts))
