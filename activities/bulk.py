"""Fast insertion of many activity pages for benchmarks, bypassing per-page saves."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from .models import ActivityPage

BATCH_SIZE = 500


def bulk_add_live_children(parent, activities):
    """Insert unsaved ActivityPages as live children of `parent` in a few queries per batch.

    Paths follow treebeard's materialised-path scheme after the parent's last child. No revisions,
    reference index or search index entries are made: run `update_index` afterwards if needed.
    """
    depth = parent.depth + 1
    last = parent.get_last_child()
    first_step = ActivityPage._str2int(last.path[-ActivityPage.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(ActivityPage)
    now = timezone.now()
    for offset, page in enumerate(activities):
        page.path = ActivityPage._get_path(parent.path, depth, first_step + offset)
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
        Page.objects.bulk_create(activities, batch_size=BATCH_SIZE)
        for page in activities:
            page.page_ptr_id = page.id
        fields = ActivityPage._meta.local_concrete_fields
        for start in range(0, len(activities), BATCH_SIZE):
            ActivityPage.objects._insert(activities[start : start + BATCH_SIZE], fields=fields)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(activities))
    return activities
