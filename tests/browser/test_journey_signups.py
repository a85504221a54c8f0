"""Journey: on a phone, sign up for an activity, confirm by the e-mail link, and cancel; the
person on the waiting list moves up and is e-mailed."""

from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from activities.models import ActivityPage
from signups.models import SignUp
from tests.jobs import run_jobs


def link_in_last_mail(to, part):
    run_jobs()
    message = [message for message in mail.outbox if message.to == [to]][-1]
    line = next(line for line in message.body.splitlines() if part in line)
    return urlparse(line.strip()).path


def sign_up(page, activity, name, email, waiting_list=False):
    page.goto(activity.url)
    page.get_by_role("link", name="Meld je aan", exact=True).click()
    page.get_by_label("Naam").fill(name)
    page.get_by_label("E-mailadres").fill(email)
    if waiting_list:
        page.get_by_label("Zet me op de wachtlijst als er niet genoeg plekken zijn").check()
    page.get_by_label("Ik ga ermee akkoord").check()
    page.get_by_role("button", name="Meld je aan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in je e-mail")
    page.goto(link_in_last_mail(email, "/aanmelden/bevestigen/"))
    page.get_by_role("button", name="Bevestig mijn aanmelding").click()


@pytest.mark.usefixtures("restore_demo_afterwards")
def test_sign_up_confirm_cancel_and_the_waiting_list_moves_up_on_a_phone(browser_context):
    activity = (
        ActivityPage.objects.live()
        .filter(locale__language_code="nl", starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    ActivityPage.objects.filter(pk=activity.pk).update(signup_on_site=True, capacity=1)
    mail.outbox.clear()
    try:
        anna = browser_context("phone").new_page()
        sign_up(anna, activity, "Anna", "anna@example.org")
        expect(anna.locator(".signup-status")).to_contain_text("Je bent aangemeld")

        bert = browser_context("phone").new_page()
        bert.goto(activity.url)
        expect(bert.locator(".activity-places")).to_have_text("Vol: wachtlijst")
        sign_up(bert, activity, "Bert", "bert@example.org", waiting_list=True)
        expect(bert.locator(".signup-status")).to_contain_text("Je staat op de wachtlijst")

        anna.get_by_role("button", name="Annuleer mijn aanmelding").click()
        expect(anna.locator(".signup-status")).to_contain_text("geannuleerd")
        bert.reload()
        expect(bert.locator(".signup-status")).to_contain_text("Je bent aangemeld")
        run_jobs()
        assert any(
            message.to == ["bert@example.org"] and "plek vrij" in message.subject
            for message in mail.outbox
        )
    finally:
        SignUp.objects.filter(activity=activity).delete()
        ActivityPage.objects.filter(pk=activity.pk).update(
            signup_on_site=False, capacity=activity.capacity, places_left=None
        )
