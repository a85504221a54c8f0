"""Team editors: a team member edits only their own team page and the pages below it.

Each team gets its own group holding "change" on the team page; the member joins that group and
the shared "Team editors" group (admin access, choosing images). Works for any page; it is meant
for the team pages of the teams app.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from .roles import TEAM_EDITORS

TEAM_PAGE_PERMISSIONS = ("change_page",)


def team_group_name(page):
    return f"{TEAM_EDITORS}: page {page.pk}"


def team_group(page):
    group, _ = Group.objects.get_or_create(name=team_group_name(page))
    for codename in TEAM_PAGE_PERMISSIONS:
        perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=perm)
    return group


@transaction.atomic
def grant_team_editor(user, page):
    """Let `user` edit `page` and its subtree (idempotent)."""
    shared, _ = Group.objects.get_or_create(name=TEAM_EDITORS)
    user.groups.add(shared, team_group(page))


@transaction.atomic
def revoke_team_editor(user, page):
    user.groups.remove(*Group.objects.filter(name=team_group_name(page)))
    if not user.groups.filter(name__startswith=f"{TEAM_EDITORS}: ").exists():
        user.groups.remove(*Group.objects.filter(name=TEAM_EDITORS))


def team_pages_of(user):
    """The pages `user` edits as a team editor (their own team), in title order."""
    groups = user.groups.filter(name__startswith=f"{TEAM_EDITORS}: page ")
    granted = GroupPagePermission.objects.filter(group__in=groups).values("page_id")
    return Page.objects.filter(pk__in=granted).order_by("title")
