"""Journey 4: a translator translates a page into English; after approval it is live in English
and the language switchers of both pages link to each other."""

import pytest
from django.conf import settings
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.operations import translate_object

from editions.models import EditionPage

from .admin import editorial_team, log_in

ENGLISH_TITLE = "Week of Connection 2025"
SCREENSHOTS = settings.BASE_DIR / "artifacts" / "screenshots"


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_translator_translates_a_page_that_goes_live_after_review(browser_context):
    team = editorial_team("Translators", "Moderators")
    for (
        user
    ) in team.values():  # the admin is Dutch unless chosen otherwise; this journey reads English
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    dutch = EditionPage.objects.get(year=2025, locale__language_code="nl")
    english_locale = Locale.objects.get(language_code="en")
    translate_object(dutch, [english_locale])  # a moderator's "Translate" action: an English draft
    english = dutch.get_translation(english_locale)
    assert not english.live

    translator = log_in(browser_context(), team["Translators"])
    translator.goto(f"/admin/pages/{english.pk}/edit/")
    # wagtail-localize's editor: one list item per string, the title's marked with class "title".
    title_segment = translator.locator("xpath=//li[p[contains(@class, 'title')]]")
    expect(title_segment).to_have_class("incomplete")
    title_segment.get_by_role("button", name="Translate").click()
    title_segment.locator("textarea").fill(ENGLISH_TITLE)
    title_segment.get_by_role("button", name="Save").click()
    expect(title_segment).not_to_have_class("incomplete")
    expect(title_segment).to_contain_text(ENGLISH_TITLE)
    # The project's footer: "Submit for review" is its main action; wagtail-localize's own footer
    # (with "Delete" as its main action for a draft) is hidden, and nothing offers "Delete".
    expect(translator.locator(".js-translation-editor footer")).to_be_hidden()
    footer = translator.locator("footer[data-localization-footer]")
    expect(footer.locator("[data-action-name=delete]")).to_have_count(0)
    expect(footer.locator("[data-action-name=convert_to_alias]")).to_have_count(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    translator.screenshot(path=str(SCREENSHOTS / "admin-translation-editor.png"), full_page=True)
    footer.get_by_role("link", name="Submit for review").click()
    translator.locator("main form").get_by_role("button", name="Submit for review").click()
    expect(translator.locator(".messages")).to_contain_text("submitted for review")
    english.refresh_from_db()
    assert english.workflow_in_progress and not english.live

    moderator = log_in(browser_context(), team["Moderators"])
    moderator.goto("/admin/")
    review = moderator.locator("tr").filter(has_text=ENGLISH_TITLE)
    review.get_by_role("button", name="Actions").click()
    with moderator.expect_navigation():
        review.get_by_role("button", name="Approve", exact=True).click()
    expect(review).to_have_count(0)
    english.refresh_from_db()
    assert english.live
    assert english.url.startswith("/en/")

    visitor = browser_context().new_page()
    visitor.goto(english.url)
    expect(visitor.locator("html")).to_have_attribute("lang", "en")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(ENGLISH_TITLE)
    switcher = visitor.locator(".language-switcher")
    switcher.locator("a[hreflang=nl]").click()
    expect(visitor).to_have_url(dutch.url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(dutch.title)
    expect(switcher.locator("a[hreflang=en]")).to_have_attribute("href", english.url)
