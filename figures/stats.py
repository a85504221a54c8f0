"""The figures of editions, counted in the database: a fixed number of aggregate queries
whatever the number of activities.

Only public activities count (core.visibility): drafts, activities under a restricted page and
activities of the other language (they hang under the other language's edition) never do. An
edition is compared with the public editions of its own language up to its year.
"""

import datetime
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Substr, TruncDate
from django.utils.text import slugify

from activities.models import ActivityPage
from activities.validation import EDITION_TIME_ZONE
from core.provinces import Province
from core.target_groups import TargetGroup
from core.visibility import public_pages
from editions.models import EditionPage
from signups.models import SignUp
from teams.models import TeamPage


@dataclass
class EditionFigures:
    """What one edition counts. Per province and per place count only activities on location;
    online activities have their own figure."""

    year: int
    title: str
    start_date: datetime.date
    end_date: datetime.date
    activities: int = 0
    online: int = 0
    teams: int = 0
    places: int = 0
    people_reached: int = 0  # as reported by organisers after their activity (followups)
    signup_activities: int = 0  # activities taking sign-ups through this site
    places_offered: int = 0  # their places, where they have a limit
    signed_up: int = 0  # people in confirmed sign-ups (in any language of the activity)
    per_day: Counter = field(default_factory=Counter)  # date -> count
    per_province: Counter = field(default_factory=Counter)  # Province value -> count
    per_kind: Counter = field(default_factory=Counter)  # ActivityPage.Kind value -> count
    per_target_group: Counter = field(default_factory=Counter)  # TargetGroup value -> count

    @property
    def provinces(self):
        return sum(1 for count in self.per_province.values() if count)

    def days(self):
        """Every day of the week, in order, with its count."""
        length = (self.end_date - self.start_date).days + 1
        days = [self.start_date + datetime.timedelta(days=n) for n in range(length)]
        return [(day, self.per_day[day]) for day in days]

    def outside_week(self):
        """Related events: activities of this edition on a day outside its week."""
        return sum(
            count
            for day, count in self.per_day.items()
            if not self.start_date <= day <= self.end_date
        )

    def provinces_in_order(self):
        return [(value, label, self.per_province[value]) for value, label in Province.choices]

    def kinds_in_order(self):
        return [(value, label, self.per_kind[value]) for value, label in ActivityPage.Kind.choices]

    def target_groups_in_order(self):
        return [
            (value, label, self.per_target_group[value]) for value, label in TargetGroup.choices
        ]


def comparable_editions(edition):
    """The earlier public editions of the edition's language, oldest first, and the edition
    itself last."""
    editions = EditionPage.objects.filter(locale_id=edition.locale_id, year__lt=edition.year)
    earlier = public_pages(editions).order_by("year").defer_streamfields()
    return [*earlier, edition]


def figures_of(editions, signups=True, **only):
    """EditionFigures per edition (a list in the same order), counted over the public
    activities of all the given editions together (those matching the lookups in `only`, if
    given): in one query on PostgreSQL, two on other databases, whatever their number; one
    more for the sign-ups unless `signups` is False."""
    if not editions:
        return []
    figures = {
        edition.path: EditionFigures(
            edition.year, edition.title, edition.start_date, edition.end_date
        )
        for edition in editions
    }
    activities = public_activities(editions).filter(**only)
    if connection.vendor == "postgresql":
        count_in_one_scan(activities, figures)
    else:
        count_in_two_queries(activities, figures)
    if signups:
        count_signups(activities, figures)
    return [figures[edition.path] for edition in editions]


def count_signups(activities, figures):
    """Places offered and people signed up, per edition: one query over the activities that
    take sign-ups. Sign-ups belong to an activity in any of its languages (signups.models)."""
    confirmed = (
        SignUp.objects.holding_places()
        .filter(activity__translation_key=OuterRef("translation_key"))
        .values("activity__translation_key")
        .annotate(people=Sum("people"))
        .values("people")
    )
    rows = (
        activities.filter(signup_on_site=True)
        .annotate(signed_up=Subquery(confirmed))
        .values_list("edition_path", "capacity", "signed_up")
    )
    for edition_path, capacity, signed_up in rows:
        edition = figures[edition_path]
        edition.signup_activities += 1
        edition.places_offered += capacity or 0
        edition.signed_up += signed_up or 0


def add_row(edition, row, count):
    """Add a group of `count` activities that share the values in `row`."""
    edition.activities += count
    edition.per_day[row["day"]] += count
    edition.per_kind[row["kind"]] += count
    edition.per_target_group[row["target_group"]] += count
    if row["is_online"]:
        edition.online += count
    elif row["province"]:
        edition.per_province[row["province"]] += count


def count_in_two_queries(activities, figures):
    """Any database: the breakdowns in one grouped query, teams, places and people in another."""
    rows = (
        activities.annotate(day=TruncDate("starts_at", tzinfo=EDITION_TIME_ZONE))
        .values("edition_path", "day", "province", "kind", "target_group", "is_online")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in rows:
        add_row(figures[row["edition_path"]], row, row["count"])
    public_team = Q(team__in=public_pages(TeamPage.objects.all()).values("pk"))
    totals = (
        activities.values("edition_path")
        .annotate(
            teams=Count("team", filter=public_team, distinct=True),
            places=Count("city", filter=Q(is_online=False), distinct=True),
            people_reached=Sum("follow_up__people"),
        )
        .order_by()
    )
    for row in totals:
        edition = figures[row["edition_path"]]
        edition.teams, edition.places = row["teams"], row["places"]
        edition.people_reached = row["people_reached"] or 0


# One scan, every breakdown: PostgreSQL's GROUPING SETS. GROUPING(...) tells the sets apart:
# a bit is 1 for a column the row is not grouped by.
GROUPING_COLUMNS = ("day", "province", "kind", "target_group", "is_online", "team_id", "city")
GROUPING_SETS = {
    "breakdown": ("day", "province", "kind", "target_group", "is_online"),
    "team": ("team_id",),
    "place": ("city", "is_online"),
    "total": (),
}


def grouping_value(columns):
    bits = [0 if column in columns else 1 for column in GROUPING_COLUMNS]
    return int("".join(map(str, bits)), 2)


def count_in_one_scan(activities, figures):
    """PostgreSQL: the breakdowns, teams, places and people reached in one pass over the
    activities (about half the time of two queries on 100,000 activities)."""
    base = activities.annotate(
        day=TruncDate("starts_at", tzinfo=EDITION_TIME_ZONE), people=F("follow_up__people")
    ).values("edition_path", *GROUPING_COLUMNS, "people")
    try:
        sql, params = base.query.sql_with_params()
    except EmptyResultSet:  # e.g. team__in=[]: nothing to count
        return
    columns = ", ".join(GROUPING_COLUMNS)
    sets = ", ".join(
        "(" + ", ".join(("edition_path", *set_columns)) + ")"
        for set_columns in GROUPING_SETS.values()
    )
    query = (
        f"SELECT edition_path, {columns}, GROUPING({columns}) AS grouping, COUNT(*), "
        f"SUM(people) FROM ({sql}) AS activities GROUP BY GROUPING SETS ({sets})"
    )
    kinds = {grouping_value(cols): name for name, cols in GROUPING_SETS.items()}
    public_teams = set(public_pages(TeamPage.objects.all()).values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        names = [column.name for column in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            edition, count = figures[row["edition_path"]], row["count"]
            kind = kinds[row["grouping"]]
            if kind == "breakdown":
                add_row(edition, row, count)
            elif kind == "team" and row["team_id"] in public_teams:
                edition.teams += 1
            elif kind == "place" and row["city"] and not row["is_online"]:
                edition.places += 1
            elif kind == "total":
                edition.people_reached = row["sum"] or 0


def public_activities(editions):
    """The public activities directly under the given editions that are not cancelled, each
    with `edition_path` (its parent's path). Selected by path prefix, which the database
    estimates well."""
    under_editions = Q()
    for edition in editions:
        under_editions |= Q(path__startswith=edition.path, depth=edition.depth + 1)
    parent_path = Substr(F("path"), 1, (F("depth") - 1) * ActivityPage.steplen)
    activities = ActivityPage.objects.filter(under_editions, cancelled=False)
    return public_pages(activities.annotate(edition_path=parent_path))


@dataclass
class Place:
    """A place with public activities on location in an edition, known by the slug of its name;
    spellings that share a slug ("Den Haag", "den haag") are one place."""

    slug: str
    name: str
    names: list
    activities: int
    province: str
    latitude: float | None
    longitude: float | None

    @property
    def province_label(self):
        return Province(self.province).label if self.province in Province.values else ""


def places_of(edition):
    """{slug: Place} of the edition's places, by name; one aggregate query."""
    rows = (
        public_activities([edition])
        .filter(is_online=False)
        .exclude(city="")
        .values("city", "province")
        .annotate(count=Count("pk"), latitude=Avg("latitude"), longitude=Avg("longitude"))
        .order_by("-count")
    )
    places = {}
    for row in rows:
        slug = slugify(row["city"])
        if not slug:
            continue
        place = places.get(slug)
        if place is None:  # the most frequent spelling and province name the place
            places[slug] = Place(
                slug,
                row["city"],
                [row["city"]],
                row["count"],
                row["province"],
                row["latitude"],
                row["longitude"],
            )
            continue
        place.activities += row["count"]
        if row["city"] not in place.names:
            place.names.append(row["city"])
        if place.latitude is None:
            place.latitude, place.longitude = row["latitude"], row["longitude"]
    return dict(sorted(places.items()))


def place_figures_of(edition, places):
    """{slug: EditionFigures} of the edition's places ({slug: Place} from places_of), as
    figures_of counts one place, in three grouped queries whatever the number of activities."""
    figures = {
        slug: EditionFigures(
            edition.year, edition.title, edition.start_date, edition.end_date, places=len(p.names)
        )
        for slug, p in places.items()
    }
    slug_of = functools.cache(slugify)
    activities = public_activities([edition]).filter(is_online=False).exclude(city="")
    rows = (
        activities.annotate(day=TruncDate("starts_at", tzinfo=EDITION_TIME_ZONE))
        .values("city", "day", "province", "kind", "target_group", "is_online")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in rows:
        if place := figures.get(slug_of(row["city"])):
            add_row(place, row, row["count"])
    public_teams = public_pages(TeamPage.objects.all()).values("pk")
    teams = defaultdict(set)
    for city, team in activities.filter(team__in=public_teams).values_list("city", "team"):
        teams[slug_of(city)].add(team)
    people = activities.values("city").annotate(people=Sum("follow_up__people")).order_by()
    for row in people:
        if place := figures.get(slug_of(row["city"])):
            place.people_reached += row["people"] or 0
    for slug, place in figures.items():
        place.teams = len(teams[slug])
    return figures
