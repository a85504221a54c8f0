"""Journey 3: an editor creates an idea in the admin and submits it; a moderator approves it."""

import pytest
from playwright.sync_api import expect

from ideas.models import IdeaIndexPage, IdeaPage

from .admin import choose_action, editorial_team, log_in

TITLE = "Soep delen met de buren"


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_editor_submits_an_idea_and_a_moderator_approves_it(browser_context):
    team = editorial_team("Editors", "Moderators")
    toolkit = IdeaIndexPage.objects.get(locale__language_code="nl")

    editor = log_in(browser_context(), team["Editors"])
    editor.goto(f"/admin/pages/add/ideas/ideapage/{toolkit.pk}/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_introduction").fill("Kook een grote pan soep en bel aan bij de buren.")
    choose_action(editor, "button[name='action-submit']")
    expect(editor.locator(".messages")).to_be_visible()
    idea = IdeaPage.objects.get(title=TITLE)
    assert not idea.live
    assert idea.current_workflow_state.workflow.name == "Redactionele review"
    assert editor.context.request.get(f"/nl/ideeen/{idea.slug}/").status == 404

    moderator = log_in(browser_context(), team["Moderators"])
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
    expect(visitor.locator(".idea-count")).to_have_text(f"{live_ideas} ideeën passen")
