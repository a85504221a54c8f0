"""The checks themselves must be able to fail: a page with known faults is flagged."""

import pytest

from .a11y import assert_keyboard_friendly, serious_violations, tab_through

FAULTY = """<!DOCTYPE html><html><head><title>x</title></head><body>
<style>.bare:focus { outline: none; }</style>
<main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a class="bare" href="#">a</a>
<input type="text"></main></body></html>"""


def test_axe_reports_serious_violations(browser):
    page = browser.new_page()
    page.set_content(FAULTY)
    found = {v["id"] for v in serious_violations(page)}
    assert {"image-alt", "label", "html-has-lang"} <= found
    page.close()


def test_keyboard_check_notices_missing_focus_indicator(browser):
    page = browser.new_page()
    page.set_content(FAULTY)
    states = tab_through(page)
    assert [s["tag"] for s in states] == ["a", "input"]
    with pytest.raises(AssertionError, match=r"no visible focus on \['a'\]"):
        assert_keyboard_friendly(states)
    page.close()
