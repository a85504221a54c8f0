"""Searches counted before the reports kept only normalised words (search.service.words_to_keep):
their counts move to the normalised words, or are dropped when nothing is left (an e-mail
address, a long number). A query that an editor promotes results for stays."""

from django.db import migrations
from django.db.models import F

from search.service import words_to_keep


def move_counts(rows, target, unique_fields):
    for row in rows:
        match = {field: getattr(row, field) for field in unique_fields}
        if target is not None:
            kept, _created = type(row).objects.get_or_create(query=target, **match)
            type(row).objects.filter(pk=kept.pk).update(hits=F("hits") + row.hits)
        row.delete()


def keep_only_normalised_words(apps, schema_editor):
    Query = apps.get_model("wagtailsearchpromotions", "Query")
    for query in Query.objects.exclude(daily_hits=None, unanswered=None).distinct():
        words = words_to_keep(query.query_string)
        if words == query.query_string:
            continue
        target = Query.objects.get_or_create(query_string=words)[0] if words else None
        move_counts(query.daily_hits.all(), target, ["date"])
        move_counts(query.unanswered.all(), target, ["language_code", "date"])
        if not query.editors_picks.exists():
            query.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_page_title_trigram_index"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(keep_only_normalised_words, migrations.RunPython.noop)]
