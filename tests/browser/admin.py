"""Admin users and the admin's own controls, as a person uses them in the browser."""

import os

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect

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
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url("/admin/")
    return page


def choose_action(page, selector):
    """Click one of the footer's save actions, opening its menu first if the action is in it."""
    action = page.locator(f"footer {selector}").first
    if not action.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    action.click()
