"""Keyboard-only use: Tab reaches the main menu, filters and forms, focus is visible, no traps."""

from playwright.sync_api import expect

from .a11y import assert_keyboard_friendly, tab_through


def test_main_menu_is_reachable_by_keyboard_from_the_skip_link(page):
    page.goto("/nl/")
    states = tab_through(page)
    assert_keyboard_friendly(states)
    assert states[0]["href"] == "#main", "the skip link comes first"
    menu_links = page.locator(".main-nav a")
    menu_labels = [label.strip() for label in menu_links.all_inner_texts()]
    reached = [s["label"] for s in states if s["in_nav"]]
    assert set(menu_labels) <= set(reached)
    assert states[-1]["in_footer"], "Tab continues to the end of the page"

    page.goto("/nl/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_search_form_is_usable_by_keyboard(page):
    page.goto("/nl/search/")
    states = tab_through(page)
    assert_keyboard_friendly(states)
    form_stops = [s for s in states if s["in_form"]]
    assert form_stops[0]["name"] == "query"
    assert form_stops[-1]["tag"] == "button"
    assert not states[-1]["in_form"], "Tab must continue past the form"

    page.locator("main input[name=query]").focus()
    page.keyboard.type("verbinding")
    page.keyboard.press("Enter")
    page.wait_for_url("**query=verbinding**")
    expect(page.locator(".search-count")).to_be_visible()


def test_header_search_is_usable_by_keyboard(page):
    """The search field in the header of every page: reached by Tab, sent with Enter."""
    page.goto("/nl/ideeen/")
    field = page.get_by_role("combobox", name="Zoek op de website")
    while page.evaluate("document.activeElement.id") != "site-search-query":
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('main') === null"), "before main"
    expect(field).to_be_focused()
    page.keyboard.type("wandelen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/search/?query=wandelen")
    expect(page.locator(".search-results")).to_contain_text("Wandelvoetbal met ouderen")


def test_toolkit_filters_are_usable_by_keyboard(page):
    page.goto("/nl/ideeen/")
    states = tab_through(page)
    assert_keyboard_friendly(states)
    filters = [s["name"] for s in states if s["in_form"] and s["tag"] == "select"]
    assert {"theme", "cost", "prep_time"} <= set(filters)
    assert not states[-1]["in_form"], "Tab must continue past the filters"

    page.get_by_label("Kosten").focus()
    page.keyboard.press("ArrowDown")
    press_tab_until(page, "button")
    page.keyboard.press("Enter")
    page.wait_for_url("**cost=free**")


def press_tab_until(page, tag, limit=20):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName.toLowerCase()") == tag:
            return
    raise AssertionError(f"Tab never reached a {tag}")


def test_story_form_is_usable_by_keyboard(page):
    page.goto("/nl/deel-je-verhaal/")
    states = tab_through(page)
    assert_keyboard_friendly(states)
    form_stops = [s for s in states if s["in_form"]]
    visible_fields = page.locator("main form").evaluate(
        "form => Array.from(form.elements)"
        ".filter(el => el.name && el.type !== 'hidden' && !el.closest('[aria-hidden=true]'))"
        ".map(el => el.name)"
    )
    field_stops = [
        s["name"] for s in form_stops[:-1] if s["tag"] != "a"
    ]  # links: privacy statement
    assert field_stops == visible_fields, "in order, trap skipped"
    assert form_stops[-1]["tag"] == "button"
    assert not states[-1]["in_form"], "Tab must continue past the form"

    page.get_by_label("Naam").focus()
    press_tab_until(page, "button")
    page.keyboard.press("Enter")
    errors = page.locator(".form-errors")
    expect(errors).to_be_visible()
    errors.get_by_role("link").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "name"
