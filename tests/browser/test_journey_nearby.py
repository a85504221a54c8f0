"""Journey: on a phone, from the home page to the nearest activity of postcode 3511.

The route link and the calendar links of the activity page are added by the journey of the
other half of the issue (near-find); this part ends on the nearest activity."""

import re

from playwright.sync_api import expect


def test_visitor_on_a_phone_finds_the_nearest_activity_by_postcode(browser_context):
    page = browser_context("phone").new_page()
    page.goto("/nl/")
    page.get_by_label("Je postcode of woonplaats").fill("3511")
    page.get_by_role("button", name="Zoek activiteiten").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?place=3511$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Alle activiteiten")
    expect(page.get_by_label("Waar")).to_have_value("3511")
    expect(page.locator(".activity-where")).to_contain_text("Afstanden vanaf 3511.")

    page.get_by_label("Afstand").select_option(label="binnen 25 km")
    page.get_by_role("button", name="Toon activiteiten").click()
    expect(page).to_have_url(re.compile(r"place=3511&distance=25"))
    distances = [
        float(text.split()[1].replace(",", "."))
        for text in page.locator(".activity-distance").all_inner_texts()
    ]
    assert distances, "the demo has activities in the province of Utrecht"
    assert distances == sorted(distances) and distances[-1] <= 25

    nearest = page.locator(".activity-item__title a").first
    title = nearest.inner_text()
    nearest.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
