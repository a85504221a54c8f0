"""Journey 5: a visitor searches the site and finds a result in their own language."""

import re

import pytest
from playwright.sync_api import expect


def search(page, search_page, query):
    """Fill in the search form on `search_page`; the links of the results."""
    page.goto(search_page)
    form = page.locator("main").get_by_role("search")
    form.locator("input[name=query]").fill(query)
    form.get_by_role("button").last.click()
    expect(page).to_have_url(re.compile(r"query="))
    return page.locator(".search-results a")


def result_paths(results):
    return results.evaluate_all("links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("nl", "dialoogsessie", "Dialoogsessie over verbinding"),
        ("en", "connection run", "Connection Run"),
    ],
)
def test_visitor_finds_a_result_in_their_own_language(page, language, query, title):
    results = search(page, f"/{language}/search/", query)
    expect(results.first).to_be_visible()
    assert all(path.startswith(f"/{language}/") for path in result_paths(results))
    results.filter(has_text=title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("html")).to_have_attribute("lang", language)
