"""A trigram index on page titles, for the "did you mean" suggestions of a search that found
nothing (search/service.py close_matches); without it every title is compared, which took
a third of a second at 50,000 pages. PostgreSQL only."""

from django.db import migrations

INDEX = "search_page_title_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page USING gin (title gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_inline_index_rows"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
