"""Activities made from the ideas of data/activities.toml: the demo's and generated volume."""

import datetime
import functools
import random
import tomllib
from pathlib import Path

from activities.geocoding import location_fields
from activities.models import ActivityPage
from activities.validation import EDITION_TIME_ZONE
from places.geocoders import PostcodeTableGeocoder
from places.postcodes import postcode_table

DATA = Path(__file__).with_name("data") / "activities.toml"


@functools.cache
def data():
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


@functools.cache
def postcode_areas():
    return sorted(postcode_table().values(), key=lambda area: area.postcode)


def seeded_random(*parts):
    return random.Random("-".join(str(part) for part in parts))


def pick_place(rng):
    """Any Dutch postcode, with a made-up street and house number: spread over the country."""
    area = rng.choice(postcode_areas())
    letters = "".join(rng.choice("ABCEGHJKLMNPRTVWXZ") for _ in range(2))
    street = f"{rng.choice(data()['streets'])} {rng.randrange(1, 200)}"
    return area.place, street, f"{area.postcode} {letters}", area.province


def activity_for(edition, rng, idea=None, place=None, team=None):
    """An unsaved, valid ActivityPage inside the edition's week, decided by `rng`."""
    idea = idea or rng.choice(data()["ideas"])
    city, street, postcode, province = place or pick_place(rng)
    online = idea["title"].startswith("Online")
    day = edition.start_date + datetime.timedelta(
        days=rng.randrange((edition.end_date - edition.start_date).days + 1)
    )
    start_hour, end_hour = rng.choice(data()["hours"])
    registration = rng.random() < 0.4
    paid = rng.random() < 0.15
    activity = ActivityPage(
        title=f"{idea['title']} in {city}",
        introduction=idea["introduction"],
        description=idea["description"],
        starts_at=datetime.datetime.combine(day, datetime.time(start_hour), EDITION_TIME_ZONE),
        ends_at=datetime.datetime.combine(day, datetime.time(end_hour), EDITION_TIME_ZONE),
        is_online=online,
        location_name="" if online else rng.choice(data()["venues"]),
        street_address="" if online else street,
        postcode="" if online else postcode,
        city=city,
        province=province,
        team=team,
        kind=idea["kind"],
        target_group=idea["target_group"],
        registration_required=registration,
        signup_on_site=registration,  # visitors sign up here (signups app)
        capacity=rng.choice([12, 20, 30, 50]) if registration else None,
        cost=ActivityPage.Cost.PAID if paid else ActivityPage.Cost.FREE,
        price=data()["price"] if paid else "",
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
