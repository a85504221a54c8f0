"""Demo activities: every idea, spread over all provinces and editions, decided by a fixed seed."""

from django.utils.text import slugify

from core.provinces import Province
from editions.models import EditionPage
from teams.models import TeamPage

from .places import PLACES
from .samples import IDEAS, activity_for, seeded_random

# How many demo activities each edition gets: mostly the recent ones.
PER_EDITION = {2023: 4, 2024: 6, 2025: 28, 2026: 30}


def load(home):
    teams = list(TeamPage.objects.live().order_by("path"))
    editions = EditionPage.objects.live().filter(locale=home.locale, year__in=PER_EDITION)
    for edition in editions.order_by("year"):
        for activity in planned_activities(edition, teams):
            if not edition.get_children().filter(slug=activity.slug).exists():
                edition.add_child(instance=activity)
                activity.save_revision().publish()


def planned_activities(edition, teams):
    """The same list every run: provinces and ideas in turn, the rest from a seeded random."""
    rng = seeded_random("demo", edition.year)
    provinces = list(Province)
    activities = []
    for number in range(PER_EDITION[edition.year]):
        province = provinces[(number + edition.year) % len(provinces)]
        place = rng.choice([place for place in PLACES if place[3] == province])
        idea = IDEAS[(number + edition.year) % len(IDEAS)]
        team = team_near(teams, province, rng)
        activity = activity_for(edition, rng, idea=idea, place=place, team=team)
        activity.slug = f"{number + 1:02d}-{slugify(activity.title)[:60]}"
        activities.append(activity)
    return activities


def team_near(teams, province, rng):
    """Mostly the team of the same province, if it has one; otherwise nobody in particular."""
    local = [team for team in teams if team.province == province]
    return local[0] if local and rng.random() < 0.85 else None
