"""Journey 3: an editor creates an idea in the admin and submits it; a moderator approves it."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect

from ideas.models import IdeaIndexPage, IdeaPage

PASSWORD = "browser-test-password"
TITLE = "Soep delen met de buren"


@pytest.fixture
def editorial_team(demo_site):
    call_command("setup_roles", stdout=open("/dev/null", "w"))
    return {
        role: member(f"{role.lower()}-browser", role) for role in ("Editors", "Moderators")
    }


def member(username, group):
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(context, user):
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url("/admin/")
    return page


def choose_action(page, selector):
    """Click one of the footer's save actions, opening its menu first if the action is in it."""
    action = page.locator(f"footer {selector}").first
    if not action.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    action.click()


def test_editor_submits_an_idea_and_a_moderator_approves_it(browser_context, editorial_team):
    toolkit = IdeaIndexPage.objects.get(locale__language_code="nl")

    editor = log_in(browser_context(), editorial_team["Editors"])
    editor.goto(f"/admin/pages/add/ideas/ideapage/{toolkit.pk}/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_introduction").fill("Kook een grote pan soep en bel aan bij de buren.")
    choose_action(editor, "button[name='action-submit']")
    expect(editor.locator(".messages")).to_be_visible()
    idea = IdeaPage.objects.get(title=TITLE)
    assert not idea.live
    assert idea.current_workflow_state.workflow.name == "Redactionele review"
    assert editor.context.request.get(f"/nl/ideeen/{idea.slug}/").status == 404

    moderator = log_in(browser_context(), editorial_team["Moderators"])
    moderator.goto("/admin/")
    moderator.get_by_role("link", name=TITLE).first.click()
    choose_action(moderator, "button[data-workflow-action-name='approve']")
    expect(moderator.locator(".messages")).to_be_visible()
    idea.refresh_from_db()
    assert idea.live

    visitor = browser_context().new_page()
    assert visitor.goto(idea.url).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    live_ideas = IdeaPage.objects.live().child_of(toolkit).count()
    visitor.goto(toolkit.url)
    expect(visitor.get_by_role("status")).to_have_text(f"{live_ideas} ideeën passen")
