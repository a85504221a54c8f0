"""What other pages show of activities: an edition's counts and registration button, a team's
activities, an idea's "do this idea" link. The pages' apps sit below activities and import
nothing from it; their templates load these tags."""

from django import template

from activities import registration
from activities.models import ActivityPage
from activities.overview import edition_counts

register = template.Library()


@register.inclusion_tag("activities/includes/edition_activities.html", takes_context=True)
def edition_activities(context, edition):
    counts = edition_counts(edition)
    return {"request": context["request"], "edition": edition, "activity_counts": counts}


@register.inclusion_tag("activities/includes/team_activities.html", takes_context=True)
def team_activities(context, team):
    """The team's public activities across all editions, newest first."""
    activities = ActivityPage.objects.public_of_team(team).order_by("-starts_at")
    return {"request": context["request"], "activities": activities}


@register.simple_tag
def registration_url(edition):
    return registration.registration_url(edition)


@register.simple_tag
def do_this_idea_url(idea):
    return registration.do_this_idea_url(idea)
