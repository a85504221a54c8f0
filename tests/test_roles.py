"""Who may do what: every role against every page action, through the admin's real views."""

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
)

from editions.models import Partner
from ideas.models import Organiser, Theme
from moderation.roles import (
    EDITORS,
    MODERATORS,
    TEAM_EDITORS,
    TRANSLATORS,
    WAGTAIL_DEFAULT_WORKFLOW,
    WORKFLOW_NAME,
)
from moderation.teams import grant_team_editor, revoke_team_editor, team_group_name
from tests import admin_actions as act
from tests.factories import make_edition, make_edition_index, make_home, make_user, publish
from tests.two_factor import log_in

ROLES = ("editor", "moderator", "translator", "team_editor", "admin")
EVERY_EDITOR = {"editor", "moderator", "admin"}
PUBLISHERS = {"moderator", "admin"}

# (action, target) -> the roles for which the action takes effect; every other role is refused.
MATRIX = {
    ("create", "nl"): EVERY_EDITOR,
    ("create", "en"): EVERY_EDITOR,
    ("edit", "nl"): EVERY_EDITOR,
    ("edit", "en"): EVERY_EDITOR | {"translator"},
    ("edit", "team"): EVERY_EDITOR | {"team_editor"},
    ("edit", "other_team"): EVERY_EDITOR,
    ("submit", "nl"): EVERY_EDITOR,
    ("submit", "en"): EVERY_EDITOR | {"translator"},
    ("submit", "team"): EVERY_EDITOR | {"team_editor"},
    ("approve", "nl"): PUBLISHERS,
    ("approve", "en"): PUBLISHERS,
    ("publish", "nl"): PUBLISHERS,
    ("publish", "en"): PUBLISHERS,
    ("publish", "team"): PUBLISHERS,
    ("unpublish", "nl"): PUBLISHERS,
    ("unpublish", "team"): PUBLISHERS,
    ("delete", "nl"): PUBLISHERS,
    ("delete", "en"): PUBLISHERS,
    ("delete", "team"): PUBLISHERS,
    ("manage_users", None): {"admin"},
}


def build_site(case):
    case.home = make_home()
    case.index = make_edition_index(case.home)
    case.edition = make_edition(case.index, 2025)
    english, _ = Locale.objects.get_or_create(language_code="en")
    case.home_en = translated(case.home, english)
    case.index_en = translated(case.index, english)
    case.edition_en = translated(case.edition, english)
    case.team = publish(case.home, Page(title="Team Noord", slug="team-noord"))
    case.activity = publish(case.team, Page(title="Koffie in de wijk", slug="koffie"))
    case.other_team = publish(case.home, Page(title="Team Zuid", slug="team-zuid"))


def translated(page, locale):
    copy = page.copy_for_translation(locale)
    copy.save_revision().publish()
    return copy


class PermissionMatrixTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site(cls)
        cls.superuser = make_user("admin", superuser=True)
        cls.editor = make_user("editor", EDITORS)
        cls.users = {
            "editor": cls.editor,
            "moderator": make_user("moderator", MODERATORS),
            "translator": make_user("translator", TRANSLATORS),
            "team_editor": make_user("team_editor"),
            "admin": cls.superuser,
        }
        grant_team_editor(cls.users["team_editor"], cls.team)

    def targets(self):
        return {
            "create": {"nl": self.index, "en": self.index_en},
            "page": {
                "nl": self.edition,
                "en": self.edition_en,
                "team": self.activity,
                "other_team": self.other_team,
            },
        }

    def attempt(self, action, target, user):
        if action == "manage_users":
            return act.manage_users(self, user)
        if action == "create":
            return act.create(self, user, self.targets()["create"][target])
        return getattr(act, action)(self, user, self.targets()["page"][target])

    def test_every_role_against_every_action(self):
        for (action, target), allowed_roles in MATRIX.items():
            for role in ROLES:
                with self.subTest(action=action, target=target, role=role):
                    savepoint = transaction.savepoint()
                    try:
                        done = self.attempt(action, target, self.users[role])
                    finally:
                        transaction.savepoint_rollback(savepoint)
                        cache.clear()
                    self.assertEqual(done, role in allowed_roles)

    def test_editor_may_delete_own_unpublished_draft_but_not_published_pages(self):
        draft = make_edition(self.index, 2030)
        draft.unpublish()
        Page.objects.filter(pk=draft.pk).update(owner=self.editor)
        self.assertTrue(act.delete(self, self.editor, draft))
        self.assertFalse(act.delete(self, self.editor, self.edition))

    def test_forged_publish_by_editor_only_saves_a_draft(self):
        act.edit(self, self.editor, self.edition, title="Vervalst", **{"action-publish": "1"})
        page = Page.objects.get(pk=self.edition.pk)
        self.assertNotEqual(page.title, "Vervalst")
        self.assertTrue(page.has_unpublished_changes)

    def test_admin_access_but_no_settings_or_groups_for_editors(self):
        urls = ("/admin/settings/core/contactsettings/", "/admin/groups/")
        log_in(self.client, self.superuser)
        self.assertEqual([self.client.get(url).status_code for url in urls], [302, 200])
        self.assertEqual(self.client.get(urls[0], follow=True).status_code, 200)
        log_in(self.client, self.editor)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        for url in urls:
            response = self.client.get(url, follow=True)
            self.assertEqual(response.redirect_chain[-1][0], "/admin/")


class RoleSetupTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site(cls)

    def group(self, name):
        return Group.objects.get(name=name)

    def page_grants(self, name):
        return set(
            GroupPagePermission.objects.filter(group__name=name).values_list(
                "page_id", "permission__codename"
            )
        )

    def snapshot(self):
        return {
            "groups": sorted(Group.objects.values_list("name", flat=True)),
            "perms": sorted(
                Group.permissions.through.objects.values_list("group__name", "permission__codename")
            ),
            "pages": sorted(
                GroupPagePermission.objects.values_list(
                    "group__name", "page_id", "permission__codename"
                )
            ),
            "collections": sorted(
                GroupCollectionPermission.objects.values_list("group__name", "permission__codename")
            ),
            "workflows": sorted(Workflow.objects.values_list("name", "active")),
            "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
            "workflow_snippets": sorted(
                WorkflowContentType.objects.values_list("content_type__model", "workflow__name")
            ),
        }

    def run_setup(self):
        call_command("setup_roles", stdout=open("/dev/null", "w"))

    def test_running_twice_changes_nothing(self):
        self.run_setup()
        first = self.snapshot()
        self.run_setup()
        self.assertEqual(self.snapshot(), first)
        self.assertEqual(Group.objects.filter(name=EDITORS).count(), 1)

    def test_editors_hold_add_and_change_on_every_language_root_only(self):
        roots = {self.home.pk, self.home_en.pk}
        expected = {(root, perm) for root in roots for perm in ("add_page", "change_page")}
        self.assertEqual(self.page_grants(EDITORS), expected)

    def test_moderators_also_publish(self):
        grants = self.page_grants(MODERATORS)
        self.assertIn((self.home.pk, "publish_page"), grants)
        self.assertIn((self.home_en.pk, "publish_page"), grants)
        self.assertNotIn((self.home.pk, "bulk_delete_page"), grants)

    def test_translators_change_only_the_translated_trees(self):
        self.assertEqual(self.page_grants(TRANSLATORS), {(self.home_en.pk, "change_page")})
        codenames = set(self.group(TRANSLATORS).permissions.values_list("codename", flat=True))
        self.assertNotIn("submit_translation", codenames)
        self.assertNotIn("submit_translation", self.codenames(EDITORS))

    def codenames(self, name):
        return set(self.group(name).permissions.values_list("codename", flat=True))

    def test_removed_permission_comes_back(self):
        GroupPagePermission.objects.filter(
            group__name=EDITORS, permission__codename="add_page"
        ).delete()
        self.group(EDITORS).permissions.clear()
        self.run_setup()
        self.assertIn((self.home.pk, "add_page"), self.page_grants(EDITORS))
        self.assertIn("access_admin", self.codenames(EDITORS))

    def test_wrongly_added_permission_is_removed(self):
        publish_perm = Permission.objects.get(codename="publish_page")
        GroupPagePermission.objects.create(
            group=self.group(EDITORS), page=self.home, permission=publish_perm
        )
        self.group(EDITORS).permissions.add(Permission.objects.get(codename="add_user"))
        self.run_setup()
        self.assertNotIn((self.home.pk, "publish_page"), self.page_grants(EDITORS))
        self.assertNotIn("add_user", self.codenames(EDITORS))

    def test_review_workflow_covers_every_language_and_replaces_wagtails_default(self):
        self.assertEqual(self.edition.get_workflow().name, WORKFLOW_NAME)
        self.assertEqual(self.edition_en.get_workflow().name, WORKFLOW_NAME)
        self.assertFalse(Workflow.objects.get(name=WAGTAIL_DEFAULT_WORKFLOW).active)
        task = Workflow.objects.get(name=WORKFLOW_NAME).tasks.get().specific
        self.assertEqual(list(task.groups.values_list("name", flat=True)), [MODERATORS])

    def test_review_workflow_covers_the_moderated_snippets(self):
        for model in (Theme, Organiser, Partner):
            with self.subTest(model=model.__name__):
                self.assertEqual(model().get_workflow().name, WORKFLOW_NAME)

    def test_snippet_workflow_removed_or_reassigned_is_repaired(self):
        old = Workflow.objects.get(name=WAGTAIL_DEFAULT_WORKFLOW)
        WorkflowContentType.objects.filter(content_type__model="theme").delete()
        WorkflowContentType.objects.filter(content_type__model="partner").update(workflow=old)
        self.run_setup()
        self.assertEqual(Theme().get_workflow().name, WORKFLOW_NAME)
        self.assertEqual(Partner().get_workflow().name, WORKFLOW_NAME)

    def test_editors_and_translators_draft_snippets_moderators_publish_them(self):
        for model in ("theme", "organiser", "partner"):
            drafting = {f"add_{model}", f"change_{model}"}
            publishing = drafting | {f"publish_{model}", f"delete_{model}"}
            with self.subTest(model=model):
                for role in (EDITORS, TRANSLATORS):
                    self.assertLessEqual(drafting, self.codenames(role))
                    self.assertNotIn(f"publish_{model}", self.codenames(role))
                    self.assertNotIn(f"delete_{model}", self.codenames(role))
                self.assertLessEqual(publishing, self.codenames(MODERATORS))

    def test_workflow_reassigned_to_old_workflow_is_repaired(self):
        old = Workflow.objects.get(name=WAGTAIL_DEFAULT_WORKFLOW)
        old.active = True
        old.save()
        WorkflowPage.objects.filter(page__depth=1).update(workflow=old)
        self.run_setup()
        self.assertEqual(self.edition.get_workflow().name, WORKFLOW_NAME)
        self.assertFalse(Workflow.objects.get(name=WAGTAIL_DEFAULT_WORKFLOW).active)


class TeamEditorTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site(cls)
        cls.member = make_user("member")

    def test_grant_is_idempotent_and_scoped_to_the_team_subtree(self):
        grant_team_editor(self.member, self.team)
        grant_team_editor(self.member, self.team)
        self.assertEqual(Group.objects.filter(name=team_group_name(self.team)).count(), 1)
        self.assertTrue(self.activity.permissions_for_user(self.member).can_edit())
        self.assertTrue(self.team.permissions_for_user(self.member).can_edit())
        self.assertFalse(self.other_team.permissions_for_user(self.member).can_edit())
        self.assertFalse(self.team.permissions_for_user(self.member).can_publish())

    def test_command_grants_and_revokes(self):
        call_command(
            "grant_team_editor", "member", str(self.team.pk), stdout=open("/dev/null", "w")
        )
        self.assertTrue(self.member.groups.filter(name=TEAM_EDITORS).exists())
        revoke_team_editor(self.member, self.team)
        self.member.refresh_from_db()
        self.assertFalse(self.member.groups.exists())
        self.assertFalse(self.activity.permissions_for_user(self.member).can_edit())
