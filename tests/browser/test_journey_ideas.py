"""Journey 2: a visitor finds an idea through the toolkit filters, prints it, and registers it."""

import re

import pytest
from playwright.sync_api import expect

from activities.models import ActivityPage


def test_visitor_filters_the_toolkit_and_prints_an_idea(page):
    page.goto("/nl/")
    page.locator(".main-nav").get_by_role("link", name="Ideeën").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ideeën")
    everything = count_ideas(page)

    page.get_by_label("Kosten").select_option(label="Gratis")
    page.get_by_label("Binnen of buiten").select_option(label="Binnen")
    page.get_by_role("button", name="Toon ideeën").click()
    expect(page).to_have_url(re.compile(r"cost=free.*setting=indoor"))
    expect(page.get_by_label("Kosten")).to_have_value("free")
    filtered = count_ideas(page)
    assert 0 < filtered < everything
    cards = page.locator(".idea-card")
    expect(cards).to_have_count(filtered)
    for facts in cards.locator(".idea-card__facts").all_inner_texts():
        assert "Gratis" in facts

    cards.first.get_by_role("link").click()
    facts = page.locator(".idea-facts")
    expect(facts).to_contain_text("Gratis")
    expect(facts).to_contain_text("Binnen")

    page.emulate_media(media="print")
    expect(page.locator(".main-nav")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".idea-cta")).to_be_hidden()
    steps = page.locator(".idea-steps li")
    assert steps.count() > 0
    expect(steps.first).to_be_visible()
    assert page.pdf().startswith(b"%PDF")
    page.emulate_media(media="screen")
    expect(page.locator(".main-nav")).to_be_visible()


def count_ideas(page):
    status = page.locator(".idea-count").inner_text()
    return int(re.match(r"\d+", status).group())


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_visitor_follows_do_this_idea_and_registers_an_activity(page, settings):
    settings.SUBMISSIONS_MIN_SECONDS = 0
    page.goto("/nl/ideeen/")
    page.locator(".idea-card").first.get_by_role("link").first.click()
    idea_title = page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("link", name="Ik doe dit idee").click()
    expect(page.locator("[name=title]")).to_have_value(re.compile(re.escape(idea_title)))

    fill_activity(page, starts_at="2026-11-01T14:00", ends_at="2026-11-01T16:00")
    page.locator("form button[type=submit]").last.click()
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("[name=city]")).to_have_value("Zwolle")
    expect(page.locator("[name=postcode]")).to_have_value("8011 AB")

    page.locator("[name=starts_at]").fill("2026-12-08T14:00")
    page.locator("[name=ends_at]").fill("2026-12-08T16:00")
    page.locator("[name=consent]").check()
    page.locator("form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(r"/meld-je-activiteit-aan/bedankt/$"))
    expect(page.locator("#form-errors")).to_have_count(0)
    submitted = ActivityPage.objects.get(title__contains=idea_title)
    assert not submitted.live
    assert submitted.workflow_in_progress


def fill_activity(page, starts_at, ends_at):
    page.locator("textarea[name=description]").fill("Koffie en een praatje in de hal van de flat.")
    page.locator("[name=starts_at]").fill(starts_at)
    page.locator("[name=ends_at]").fill(ends_at)
    page.locator("[name=location_name]").fill("Flat De Horst")
    page.locator("[name=street_address]").fill("Melkmarkt 1")
    page.locator("[name=postcode]").fill("8011 AB")
    page.locator("[name=city]").fill("Zwolle")
    page.locator("[name=province]").select_option(value="overijssel")
    page.locator("[name=submitter_name]").fill("Anna de Vries")
    page.locator("[name=submitter_email]").fill("anna@example.org")
    page.locator("[name=consent]").check()
