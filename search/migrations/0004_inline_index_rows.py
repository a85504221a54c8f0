"""Wagtail's search index rows stay in the table instead of TOAST storage, on PostgreSQL.

A row of ``wagtailsearch_indexentry`` (three vectors and two texts) easily passes the 2 kB at
which PostgreSQL moves values out of line, and fetching them back for every matching row made
ranking three times slower. Rows up to 8 kB now stay inline; existing rows move on their next
write (``manage.py update_index``). The ``title || body`` index is no longer queried: pages carry
their title in the body (see search/backends.py).
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
TITLE_BODY_INDEX = "search_indexentry_title_body_gin"


def keep_rows_inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_BODY_INDEX}")
        schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 8160)")


def move_rows_out_of_line(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TITLE_BODY_INDEX} ON {TABLE} USING gin ((title || body))"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0003_title_body_index")]

    operations = [migrations.RunPython(keep_rows_inline, move_rows_out_of_line)]
