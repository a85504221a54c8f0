"""Journey: a moderator finds an idea on the review panel and asks for changes; the editor reads
the comment on the edit page, in a banner."""

import pytest
from playwright.sync_api import expect

from ideas.models import IdeaIndexPage, IdeaPage

from .admin import choose_action, editorial_team, log_in

TITLE = "Samen de stoep vegen"
COMMENT = "Leuk idee! Schrijf er nog bij wat je nodig hebt."


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_a_moderator_asks_for_changes_and_the_editor_reads_the_comment(browser_context):
    team = editorial_team("Editors", "Moderators")
    toolkit = IdeaIndexPage.objects.get(locale__language_code="nl")

    editor = log_in(browser_context(), team["Editors"])
    editor.goto("/admin/ideas/")
    an_idea = IdeaPage.objects.child_of(toolkit).order_by("-latest_revision_created_at").first()
    expect(editor.get_by_role("link", name=an_idea.title).first).to_be_visible()
    editor.goto(f"/admin/pages/add/ideas/ideapage/{toolkit.pk}/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_introduction").fill("Pak een bezem en vraag de buren mee te doen.")
    choose_action(editor, "button[name='action-submit']")
    expect(editor.locator(".messages")).to_be_visible()
    idea = IdeaPage.objects.get(title=TITLE)

    moderator = log_in(browser_context(), team["Moderators"])
    moderator.goto("/admin/")
    panel = moderator.locator("section[aria-labelledby='review-queue-title']")
    expect(panel).to_contain_text("Wacht op beoordeling")
    expect(panel.get_by_role("row", name=TITLE)).to_contain_text("editors-browser")
    panel.get_by_role("link", name=TITLE).click()
    choose_action(moderator, "button[data-workflow-action-name='reject']")
    moderator.locator("textarea[name='comment']").fill(COMMENT)
    moderator.locator(".modal form button[type='submit']").click()
    expect(moderator.locator(".messages")).to_be_visible()
    idea.refresh_from_db()
    assert idea.current_workflow_state.status == "needs_changes"

    editor.goto(f"/admin/pages/{idea.pk}/edit/")
    banner = editor.locator(".messages")
    expect(banner).to_contain_text("Wijzigingen gevraagd door moderators-browser")
    expect(banner).to_contain_text(COMMENT)
