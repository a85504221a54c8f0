"""Journey: an editor's new idea has a mistake on the "Eigenschappen" (Promote) tab while they
are on the content tab. The tab they cannot see must say that it holds an error, and lead them to it."""

import pytest
from playwright.sync_api import expect

from ideas.models import IdeaIndexPage, IdeaPage

from .admin import choose_action, editorial_team, log_in


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_an_error_on_the_promote_tab_shows_on_the_content_tab(browser_context):
    team = editorial_team("Editors")
    toolkit = IdeaIndexPage.objects.get(locale__language_code="nl")
    taken = IdeaPage.objects.child_of(toolkit).live().first()
    editor = log_in(browser_context(), team["Editors"])
    editor.goto(f"/admin/pages/add/ideas/ideapage/{toolkit.pk}/")
    editor.locator("#id_title").fill("Een nieuw idee")
    editor.locator("#id_introduction").fill("Samen iets doen in de buurt.")
    editor.get_by_role("tab", name="Eigenschappen").click()
    editor.locator("#id_slug").fill(taken.slug)
    editor.get_by_role("tab", name="Inhoud").click()
    choose_action(editor, "button[name='action-submit']")

    expect(editor.locator(".messages")).to_contain_text("fout")
    promote_tab = editor.locator("[role='tab']", has_text="Eigenschappen")
    expect(promote_tab.locator(".w-tabs__errors")).to_be_visible()
    expect(promote_tab.locator("[data-w-count-target='total']")).to_have_text("1")
    expect(promote_tab).to_contain_text("Eigenschappen")
    editor.get_by_role("button", name="Ga naar eerste fout").click()
    expect(editor.locator("#id_slug")).to_be_visible()
    expect(editor.locator("[role='tabpanel']:visible")).to_contain_text("in gebruik")
    editor.screenshot(path="/tmp/hidden-tab-error.png", full_page=False)
    assert not IdeaPage.objects.child_of(toolkit).filter(title="Een nieuw idee").exists()
