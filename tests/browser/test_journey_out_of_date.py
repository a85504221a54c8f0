"""Journey: a moderator publishes a change to a Dutch page that has an English translation; the
translator is told (e-mail and dashboard panel), opens the translation from the panel, sees the
changed Dutch text next to the old English, translates it and submits it for review."""

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from ideas.models import IdeaIndexPage

from ..jobs import run_jobs
from .admin import editorial_team, log_in

NEW_DUTCH = "Kies een idee, nodig de buren uit en begin gewoon."
NEW_ENGLISH = "Choose an idea, invite the neighbours and just begin."


def publish_dutch_change(moderator):
    dutch = IdeaIndexPage.objects.get(locale__language_code="nl")
    english = dutch.get_translations().get(locale__language_code="en").specific
    old_dutch = dutch.introduction
    dutch.introduction = NEW_DUTCH
    dutch.save_revision(user=moderator).publish(user=moderator)
    run_jobs()  # marks the translation out of date and queues the mails
    run_jobs()  # sends them
    return english, old_dutch


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_a_translator_is_told_and_updates_the_changed_text(browser_context):
    team = editorial_team("Translators", "Moderators")
    profile = UserProfile.get_for_user(team["Translators"])
    profile.preferred_language = "en"  # wagtail-localize's editor reads English here
    profile.save()
    english, old_dutch = publish_dutch_change(team["Moderators"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    (told,) = [m for m in mail.outbox if m.to == [team["Translators"].email]]
    assert edit_url in told.body

    translator = log_in(browser_context(), team["Translators"])
    panel = translator.locator("section[aria-labelledby='out-of-date-translations-title']")
    expect(panel).to_contain_text("Out of date")
    panel.get_by_role("link", name=english.title).click()
    expect(translator).to_have_url(edit_url)
    changed = translator.locator("section[aria-labelledby='localization-changed']")
    expect(changed).to_contain_text(NEW_DUTCH)
    expect(changed).to_contain_text(old_dutch)

    segment = translator.locator("li").filter(has_text=NEW_DUTCH).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(NEW_ENGLISH)
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(NEW_ENGLISH)
    footer = translator.locator("footer[data-localization-footer]")
    footer.get_by_role("link", name="Submit for review").click()
    translator.locator("main form").get_by_role("button", name="Submit for review").click()
    expect(translator.locator(".messages")).to_contain_text("submitted for review")
    english.refresh_from_db()
    assert english.workflow_in_progress
    assert english.introduction != NEW_ENGLISH  # visitors keep the approved English
