"""Journey 5: a visitor searches the site and finds a result in their own language."""

import re

from playwright.sync_api import expect


def search(page, search_page, query):
    """Fill in the search form on `search_page`; the links of the results."""
    page.goto(search_page)
    form = page.get_by_role("search")
    form.locator("input[name=query]").fill(query)
    form.get_by_role("button").last.click()
    expect(page).to_have_url(re.compile(r"query="))
    return page.locator(".search-results a")


def result_paths(results):
    return results.evaluate_all("links => links.map(a => a.getAttribute('href'))")


def test_dutch_visitor_finds_a_dutch_idea(page):
    results = search(page, "/nl/search/", "dialoogsessie")
    expect(results.first).to_be_visible()
    assert all(path.startswith("/nl/") for path in result_paths(results))
    results.filter(has_text="Dialoogsessie").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dialoogsessie over verbinding")
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_english_visitor_finds_the_english_idea_only(page):
    results = search(page, "/en/search/", "connection run")
    expect(results.first).to_be_visible()
    assert all(path.startswith("/en/") for path in result_paths(results))
    results.filter(has_text="Connection Run").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Connection Run")
    expect(page.locator("html")).to_have_attribute("lang", "en")
