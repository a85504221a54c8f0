"""Journey: a team editor (an InspiratieTeam's own volunteer, no other rights) logs in, lands on
their team, changes its text and submits it for review, then links an activity they registered
to the team. Nothing they do reaches visitors before a moderator approves it."""

import pytest
from playwright.sync_api import expect

from activities.models import ActivityPage
from moderation.teams import grant_team_editor
from teams.models import TeamPage

from .admin import choose_action, log_in, member

NEW_INTRODUCTION = "Wij koken elke maand met en voor de buurt."


def team_with_editor_and_activity():
    team = TeamPage.objects.live().filter(locale__language_code="nl").first()
    activity = ActivityPage.objects.live().filter(locale=team.locale, team=None).first()
    volunteer = member("team-browser", "Team editors")
    grant_team_editor(volunteer, team)
    ActivityPage.objects.filter(pk=activity.pk).update(owner=volunteer)  # they registered it
    return team, activity, volunteer


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_a_team_editor_edits_their_team_and_links_their_activity(browser_context):
    team, activity, volunteer = team_with_editor_and_activity()
    admin = log_in(browser_context(), volunteer)

    panel = admin.locator("section.w-panel").first
    expect(panel).to_contain_text("Jouw team")
    expect(panel).to_contain_text(team.title)
    panel.get_by_role("link", name=f"{team.title} bewerken").click()
    admin.locator("#id_introduction").fill(NEW_INTRODUCTION)
    choose_action(admin, "button[name='action-submit']")
    expect(admin.locator(".messages")).to_contain_text("ingediend")
    team = TeamPage.objects.get(pk=team.pk)
    assert team.workflow_in_progress
    assert team.introduction != NEW_INTRODUCTION  # visitors still see the approved text

    admin.goto("/admin/")
    admin.get_by_role("link", name="Je activiteiten koppelen").click()
    admin.get_by_role("button", name=f"Koppelen aan {team.title}").click()
    expect(admin.locator(".messages")).to_contain_text("wacht op een moderator")
    expect(admin.get_by_text(f"{activity.title} (")).to_contain_text("wacht op een moderator")
    activity = ActivityPage.objects.get(pk=activity.pk)
    assert activity.team is None
    assert activity.get_latest_revision_as_object().team_id == team.pk
    assert activity.workflow_in_progress
