"""The pages of an edition's Powered By partners (`<edition>/partners/<slug>/`), built from the
teams linked to them in the admin (TeamPage.partners) and those teams' activities.

A team in either language links to a partner in either language: they are matched by their
translation keys, so each language's page lists the teams and activities of its own language.
"""

from django.http import Http404
from django.utils.translation import gettext

from activities.models import ActivityPage
from core.page_cache import remembered
from core.visibility import public_pages
from teams.models import TeamPage

from .stats import figures_of


def edition_partners(edition):
    """{slug: Partner} of the edition's live partners that have a page (Powered By)."""
    return {partner.slug: partner for partner in edition.partners() if partner.has_page}


def edition_partner_slugs(edition):
    return list(edition_partners(edition))


def found_or_404(found, slug, message):
    """found[slug], else a 404 with the message."""
    if slug not in found:
        raise Http404(message)
    return found[slug]


def partner_or_404(edition, slug):
    return found_or_404(
        edition_partners(edition), slug, gettext("No such partner in this edition.")
    )


def partner_teams(edition, partner):
    """The public teams of the edition's language linked to the partner, by title."""
    teams = TeamPage.objects.filter(
        locale_id=edition.locale_id, partners__translation_key=partner.translation_key
    )
    return public_pages(teams).distinct().order_by("title").defer_streamfields()


def team_keys(teams):
    return [team.translation_key for team in teams]


def partner_activities(edition, teams):
    """The edition's public activities organised by the teams (in any of their languages)."""
    return ActivityPage.objects.public_of_edition(edition).filter(
        team__translation_key__in=team_keys(teams)
    )


def partner_figures(edition, partner, teams):
    """The figures of those activities, kept until content changes."""
    return remembered(
        "partner-figures",
        lambda: figures_of([edition], signups=False, team__translation_key__in=team_keys(teams))[0],
        edition.pk,
        partner.translation_key,
    )
