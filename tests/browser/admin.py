"""Admin users and the admin's own controls, as a person uses them in the browser."""

import os

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.policy import two_factor_required
from tests.two_factor import authenticator, current_code

PASSWORD = "browser-test-password"


def editorial_team(*roles):
    """One user in each of these groups (the groups and workflow as `setup_roles` defines them)."""
    call_command("setup_roles", stdout=open(os.devnull, "w"))
    return {role: member(f"{role.lower()}-browser", role) for role in roles}


def member(username, group):
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(context, user):
    """Sign in as a person does: the password, then a code from the authenticator app for an
    account that must use one (tests.two_factor sets the app up)."""
    device = authenticator(user) if two_factor_required(user) else None
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    if device is not None:
        page.locator("#id_code").fill(current_code(device))
        page.locator("#id_code").press("Enter")
    expect(page).to_have_url("/admin/")
    return page


def choose_action(page, selector):
    """Click one of the footer's save actions, opening its menu first if the action is in it."""
    action = page.locator(f"footer {selector}").first
    if not action.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    action.click()
