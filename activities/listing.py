"""Which edition's overview lists an activity: `ActivityPage.listed_in`, a copy of
core.visibility's decision kept on the activity's own row.

The overview filters, counts and sorts up to 100,000 activities of an edition. Asking
core.visibility for that joins every activity to Wagtail's page table (live, the edition's path,
view restrictions), which costs more than the filters themselves. The copy lets the overview
select and count on one table; what it shows of an activity (its row in the list, its marker on
the map) is still loaded through core.visibility.public_pages, so a copy that is out of date can
change a count, never show a page that is not public.

The copy is refreshed in the transaction of every change that can alter the decision: saving,
publishing and unpublishing an activity, moving a page, adding or removing a view restriction,
and inserting pages in bulk (devtools.bulk). `manage.py refresh_activity_listing` recomputes
every activity, after changes made past Django (raw SQL, a restored backup).
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.visibility import public_pages


def refresh_listing(page):
    """Recompute `listed_in` for the activities at or below `page` (an activity, an edition, or
    any page above them): their parent edition when they are public, else empty."""
    from editions.models import EditionPage

    from .models import ActivityPage

    scope = ActivityPage.objects.filter(path__startswith=page.path)
    public_ids = public_pages(scope).values("pk")
    parent_path = page.path[: -Page.steplen]
    editions = EditionPage.objects.filter(Q(path__startswith=page.path) | Q(path=parent_path))
    with transaction.atomic():
        scope.exclude(pk__in=public_ids).exclude(listed_in=None).update(listed_in=None)
        for edition in editions.only("pk", "path", "depth"):
            listed = scope.child_of(edition).filter(pk__in=public_ids)
            listed.exclude(listed_in=edition).update(listed_in=edition)


def refresh_all():
    """Recompute `listed_in` for every activity."""
    for root in Page.get_root_nodes():
        refresh_listing(root)


# The page fields the decision reads; a save of other fields alone (places left) keeps it.
DECIDING_FIELDS = {"live", "path", "depth"}


def refresh_activity(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save, page_published, page_unpublished of an activity."""
    if not raw and (update_fields is None or DECIDING_FIELDS & set(update_fields)):
        refresh_listing(instance)


def refresh_moved(sender, instance, **kwargs):
    """post_page_move of any page: what it holds may now sit under another edition or under a
    view restriction."""
    refresh_listing(instance)


def refresh_restricted(sender, instance, raw=False, **kwargs):
    """A view restriction added, changed or removed: everything below its page (unless the page
    itself is being deleted)."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if not raw and page is not None:
        refresh_listing(page)


def connect_listing_signals():
    from .models import ActivityPage

    uid = "activities.listing"
    for signal in (post_save, page_published, page_unpublished):
        signal.connect(refresh_activity, sender=ActivityPage, dispatch_uid=uid)
    post_page_move.connect(refresh_moved, dispatch_uid=uid)
    for signal in (post_save, post_delete):
        signal.connect(refresh_restricted, sender=PageViewRestriction, dispatch_uid=uid)
