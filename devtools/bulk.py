"""Many live pages at once, for generated volume: the tree paths worked out once, rows in bulk."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from activities.listing import refresh_listing
from activities.models import ActivityPage

BATCH_SIZE = 500


def bulk_add_live_children(parent, pages):
    """Insert unsaved pages of one type as live children of `parent`, after its last child.

    A few queries per batch instead of several per page: no revisions, no reference index, no
    search index entries (run `update_index`, or the backend's `add_bulk`, if search should find
    them). The page type must inherit from Page directly (one table of its own).
    """
    if not pages:
        return pages
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise TypeError("bulk_add_live_children takes pages of one type at a time.")
    depth = parent.depth + 1
    # From the database, not parent.numchild: the caller's copy of the parent may be stale.
    children = Page.objects.filter(path__startswith=parent.path, depth=depth)
    last = children.order_by("-path").values_list("path", flat=True).first()
    first_step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, depth, first_step + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.live = True
        page.draft_title = page.title
        page.first_published_at = page.last_published_at = now
    with transaction.atomic():
        # Django cannot bulk_create a multi-table model; insert the two tables one after the other.
        Page.objects.bulk_create(pages, batch_size=BATCH_SIZE)
        for page in pages:
            page.page_ptr_id = page.id
        fields = model._meta.local_concrete_fields
        for start in range(0, len(pages), BATCH_SIZE):
            model.objects._insert(pages[start : start + BATCH_SIZE], fields=fields)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        refresh_planner_statistics(Page, model)
        if issubclass(model, ActivityPage):
            refresh_listing(parent)  # bulk insertion sends no signal
    parent.numchild += len(pages)
    return pages


def refresh_planner_statistics(*models):
    """PostgreSQL plans by the row counts of its last ANALYZE. After a bulk insert into tables it
    counted (nearly) empty it would run the queries that follow (refresh_listing's) as nested
    loops over every row, for minutes; in a test transaction autovacuum never counts again.
    ANALYZE also counts the rows this transaction has inserted."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


GENERATED_SLUG_PREFIX = "gegenereerd-"


def next_generated_number(pages):
    """One more than the highest number in a 'gegenereerd-<number>' slug among `pages`."""
    slugs = pages.filter(slug__startswith=GENERATED_SLUG_PREFIX).values_list("slug", flat=True)
    numbers = [int(slug[len(GENERATED_SLUG_PREFIX) :]) for slug in slugs]
    return max(numbers, default=0) + 1
