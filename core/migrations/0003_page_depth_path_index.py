"""An index on the depth and path of Wagtail's pages.

Wagtail finds the children of a page by depth and a range of paths; without an index on the
depth, PostgreSQL reads the whole page table for the children of the home page (the menu,
routing) once a site holds many pages under one branch. Plain SQL that PostgreSQL and SQLite
both understand, since the table belongs to Wagtail.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_sentemail"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS core_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS core_page_depth_path",
        )
    ]
