"""Journey 1: from the home page to one activity of the current edition, and into a calendar."""

import re

from icalendar import Calendar
from playwright.sync_api import expect


def test_visitor_filters_activities_by_province_and_downloads_one(page):
    page.goto("/nl/")
    page.locator(".edition-summary").get_by_role("heading", level=2).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Week van de Verbinding")

    page.get_by_role("link", name="Bekijk alle activiteiten, in een lijst of op de kaart").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alle activiteiten")
    page.get_by_label("Provincie").select_option(label="Gelderland")
    page.get_by_role("button", name="Toon activiteiten").click()
    expect(page).to_have_url(re.compile(r"province=gelderland", re.IGNORECASE))
    places = page.locator(".activity-item__where").all_inner_texts()
    assert places and all("Gelderland" in place for place in places)

    title = page.locator(".activity-item__title a").first.inner_text()
    page.locator(".activity-item__title a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    with page.expect_download() as download_info:
        page.locator(".activity__calendar").click()
    calendar = Calendar.from_ical(open(download_info.value.path(), "rb").read())
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [title]


def test_the_map_view_fetches_and_draws_the_markers_of_the_filtered_list(page):
    page.goto("/nl/")
    page.locator(".edition-summary").get_by_role("heading", level=2).get_by_role("link").click()
    page.get_by_role("link", name="Bekijk alle activiteiten, in een lijst of op de kaart").click()
    page.get_by_label("Provincie").select_option(label="Utrecht")
    page.get_by_role("button", name="Toon activiteiten").click()
    with page.expect_response(re.compile(r"/activiteiten/map/\?.*province=utrecht")) as answer:
        page.get_by_role("link", name="Kaart", exact=True).click()
    markers = answer.value.json()["markers"]
    assert markers and all(marker["url"] for marker in markers)
    expect(page.locator("#activity-map")).to_be_visible()
    # one circle per marker (demo markers can share a place, so at least one)
    expect(page.locator("#activity-map path.leaflet-interactive").first).to_be_visible()
    assert page.locator("#activity-map path.leaflet-interactive").count() >= 1
