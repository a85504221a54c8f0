"""The demo content (`manage.py load_demo_content`), built once per test process.

The command takes many seconds. It runs once, on the migrated database, inside a transaction
that is rolled back; a snapshot of the whole database it leaves is kept in memory. Every test
class (and the browser tests' server) that needs the demo site restores that snapshot, so each
starts from exactly the state the command leaves, without depending on other tests.
"""

import io

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import TestCase

_snapshot = {}


def load_demo_content():
    """Make the database hold exactly what `load_demo_content` leaves in a migrated database.

    Inside a test's transaction the change is rolled back with it; outside one it is committed.
    Uploaded files (the demo's images) stay in the session's MEDIA_ROOT.
    """
    if "demo" not in _snapshot:
        _snapshot["demo"] = _build_snapshot()
    restore(_snapshot["demo"])


class DemoSiteTestCase(TestCase):
    """Each test starts from the demo content (restored once per class)."""

    @classmethod
    def setUpTestData(cls):
        load_demo_content()


def restore_migrated_state():
    """Empty every table and put back what the migrations made (groups, workflow, locales...)."""
    restore(connection._test_serialized_contents)


def restore(serialized):
    with transaction.atomic():
        call_command(
            "flush",
            interactive=False,
            reset_sequences=False,
            inhibit_post_migrate=True,
            verbosity=0,
        )
        connection.creation.deserialize_db_from_string(serialized)
        _sequences_after_the_highest_ids()


def _build_snapshot():
    with transaction.atomic():
        restore_migrated_state()
        call_command("load_demo_content", stdout=io.StringIO())
        snapshot = connection.creation.serialize_db_to_string()
        transaction.set_rollback(True)
    return snapshot


def _sequences_after_the_highest_ids():
    """Rows restored with their ids do not move PostgreSQL's sequences on; new rows would
    collide with them. (SQLite's AUTOINCREMENT follows the highest id by itself.)"""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
