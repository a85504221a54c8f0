"""Journey: on a phone, from the home page to the nearest activity of postcode 3511, its route
and its calendar links."""

import re

from playwright.sync_api import expect


def test_visitor_on_a_phone_finds_the_nearest_activity_by_postcode(browser_context):
    page = browser_context("phone", has_touch=True, is_mobile=True).new_page()
    page.goto("/nl/")
    page.get_by_label("Je postcode of woonplaats").fill("3511")
    page.get_by_role("button", name="Zoek activiteiten").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?place=3511$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Alle activiteiten")
    expect(page.get_by_label("Waar")).to_have_value("3511")
    expect(page.locator(".activity-where")).to_contain_text("Afstanden vanaf 3511.")

    # Phone first: "where" and the results; the other filters folded away.
    expect(page.get_by_label("Provincie")).to_be_hidden()
    expect(page.locator(".activity-filters__more summary")).to_have_text("Meer filters")

    page.get_by_label("Afstand").select_option(label="binnen 25 km")
    page.get_by_role("button", name="Toon activiteiten").click()
    expect(page).to_have_url(re.compile(r"place=3511&distance=25.*#results$"))
    expect(page.locator(".activity-count")).to_be_in_viewport()
    distances = [
        float(text.split()[1].replace(",", "."))
        for text in page.locator(".activity-distance").all_inner_texts()
    ]
    assert distances, "the demo has activities in the province of Utrecht"
    assert distances == sorted(distances) and distances[-1] <= 25

    # A folded filter: opened, chosen, counted.
    page.locator(".activity-filters__more summary").click()
    page.get_by_label("Alleen gratis").check()
    page.get_by_role("button", name="Toon activiteiten").click()
    expect(page.locator(".activity-filters__more summary")).to_have_text("Meer filters (1 actief)")

    nearest = page.locator(".activity-item__title a").first
    title = nearest.inner_text()
    nearest.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    route = page.get_by_role("link", name="Route op OpenStreetMap")
    expect(route).to_have_attribute("href", re.compile(r"^https://www\.openstreetmap\.org/"))
    expect(page.get_by_role("link", name="Open in je kaart-app")).to_have_attribute(
        "href", re.compile(r"^geo:")
    )
    expect(page.get_by_role("link", name="Google Agenda")).to_have_attribute(
        "href", re.compile(r"^https://calendar\.google\.com/calendar/render\?action=TEMPLATE")
    )
    expect(page.get_by_role("link", name="Outlook")).to_have_attribute(
        "href", re.compile(r"^https://outlook\.live\.com/")
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="Zet in je agenda (.ics)").click()
    assert download.value.suggested_filename.endswith(".ics")
    ics = download.value.path().read_text()
    assert "BEGIN:VEVENT" in ics and f"SUMMARY:{title}" in ics.replace("\r\n ", "")

    page.get_by_role("link", name="Deze activiteit afdrukken").click()
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    page.get_by_role("link", name=f"Terug naar “{title}”").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
