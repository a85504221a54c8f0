"""Journey: an editor fills in a new idea while Wagtail autosaves the create form, then submits it
for review. Autosave creates the page on its first save; the submit must land on that page, not
create a second one (or stop on "Deze slug is al in gebruik")."""

import time

import pytest
from playwright.sync_api import expect
from wagtail.admin.views.pages.create import CreateView

from ideas.models import IdeaIndexPage, IdeaPage

from .admin import choose_action, editorial_team, log_in

TITLE = "Samen appels plukken"
SLOW_AUTOSAVE_SECONDS = 3
AUTOSAVE_INTERVAL_MS = 500  # WAGTAIL_AUTOSAVE_INTERVAL's default


def open_new_idea(browser_context):
    team = editorial_team("Editors")
    toolkit = IdeaIndexPage.objects.get(locale__language_code="nl")
    editor = log_in(browser_context(), team["Editors"])
    editor.goto(f"/admin/pages/add/ideas/ideapage/{toolkit.pk}/")
    # Wagtail notes the form's starting state two seconds after it opens; edits count from then.
    editor.wait_for_timeout(2500)
    return editor, toolkit


def type_idea(editor):
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_introduction").fill("Vraag de buren mee naar de boomgaard.")


def assert_one_submitted_idea(editor, toolkit):
    # The submit may wait for a slow autosave to answer first.
    expect(editor.locator(".messages")).to_contain_text("ingediend", timeout=20_000)
    expect(editor.locator(".messages")).not_to_contain_text("slug")
    ideas = IdeaPage.objects.child_of(toolkit).filter(title=TITLE)
    assert ideas.count() == 1
    assert ideas.get().workflow_in_progress


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_submit_after_the_autosave_created_the_page(browser_context):
    editor, toolkit = open_new_idea(browser_context)
    type_idea(editor)
    expect(editor.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved"
    )
    assert IdeaPage.objects.child_of(toolkit).filter(title=TITLE).count() == 1
    editor.locator("#id_introduction").fill("Vraag de buren mee naar de boomgaard, met een mand.")
    choose_action(editor, "button[name='action-submit']")
    assert_one_submitted_idea(editor, toolkit)


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_submit_while_the_first_autosave_is_on_its_way(browser_context, monkeypatch):
    """On a slow connection the editor submits before the first autosave has answered: the
    server has created the page, the browser does not know its address yet."""
    answer_autosave_slowly(monkeypatch)
    editor, toolkit = open_new_idea(browser_context)
    type_idea(editor)
    expect(editor.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saving"
    )
    editor.wait_for_timeout(AUTOSAVE_INTERVAL_MS * 2)  # the autosave has reached the server
    choose_action(editor, "button[name='action-submit']")
    assert_one_submitted_idea(editor, toolkit)


def answer_autosave_slowly(monkeypatch):
    """The live server runs in this process: its create view answers autosaves late."""
    original = CreateView.post

    def post(view, request, *args, **kwargs):
        response = original(view, request, *args, **kwargs)
        if view.expects_json_response:
            time.sleep(SLOW_AUTOSAVE_SECONDS)
        return response

    monkeypatch.setattr(CreateView, "post", post)
