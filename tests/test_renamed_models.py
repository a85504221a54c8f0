"""The snippet "Audience" became "Organiser" and Story moved from submissions to stories: on a
database from before, every role (and a user's own permissions) keeps its rights."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import TransactionTestCase

from moderation.roles import EDITORS, MODERATORS, TEAM_EDITORS, TRANSLATORS
from tests.factories import make_user

BEFORE = [("ideas", "0003_moderated_snippets"), ("stories", "zero")]
DRAFT = {"add_organiser", "change_organiser"}
PUBLISH = DRAFT | {"delete_organiser", "publish_organiser", "lock_organiser", "unlock_organiser"}
STORIES = {"view_story", "change_story", "delete_story"}


def migrate(*arguments):
    call_command("migrate", *arguments, verbosity=0)
    ContentType.objects.clear_cache()


def migrate_back():
    """Back to before the rename and the move, as `manage.py migrate` does it. Its post_migrate
    signal makes content types for the current models (Organiser, stories.Story) again; without
    them the database is as it was before."""
    for app_label, target in BEFORE:
        migrate(app_label, target)
    ContentType.objects.filter(app_label="ideas", model="organiser").delete()
    ContentType.objects.filter(app_label="stories", model="story").delete()


class RenamedModelsMigrationTest(TransactionTestCase):
    serialized_rollback = True  # keep the rows the migrations made for the tests that follow

    def tearDown(self):
        # The content types are back at their first ids: cache those, so that restoring the
        # database for the next test finds them instead of creating new ones.
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*apps.get_models())
        super().tearDown()

    def codenames(self, group_name, app_label):
        permissions = Group.objects.get(name=group_name).permissions
        held = permissions.filter(content_type__app_label=app_label)
        return set(held.values_list("codename", flat=True))

    def test_roles_and_users_keep_their_rights_on_organisers_and_stories(self):
        migrate_back()
        old = Permission.objects.filter(content_type__model__in=["audience", "story"])
        self.assertTrue(old.filter(codename="change_audience").exists())
        self.assertTrue(old.filter(content_type__app_label="submissions").exists())
        user = make_user("volunteer")
        user.user_permissions.add(*old.filter(codename__in=["change_audience", "change_story"]))

        migrate()

        self.assertEqual(self.codenames(EDITORS, "ideas") & PUBLISH, DRAFT)
        self.assertEqual(self.codenames(TRANSLATORS, "ideas") & PUBLISH, DRAFT)
        self.assertEqual(self.codenames(MODERATORS, "ideas") & PUBLISH, PUBLISH)
        self.assertEqual(self.codenames(MODERATORS, "stories"), STORIES)
        for role in (EDITORS, TRANSLATORS, TEAM_EDITORS):
            self.assertFalse(self.codenames(role, "stories"))
        self.assertFalse(self.codenames(TEAM_EDITORS, "ideas"))
        user = type(user).objects.get(pk=user.pk)
        self.assertTrue(user.has_perm("ideas.change_organiser"))
        self.assertTrue(user.has_perm("stories.change_story"))
        self.assertFalse(Permission.objects.filter(codename__endswith="_audience").exists())
        moved = ContentType.objects.filter(app_label="submissions", model="story")
        self.assertFalse(moved.exists())
