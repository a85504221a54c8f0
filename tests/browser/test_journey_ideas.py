"""Journey 2: a visitor finds an idea through the toolkit filters and prints it."""

import re

from playwright.sync_api import expect


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
    status = page.get_by_role("status").inner_text()
    return int(re.match(r"\d+", status).group())
