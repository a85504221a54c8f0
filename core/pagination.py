"""A paginator for long filtered lists: the ids of the requested page and the number of matches
come from one query (a window count), then only that page's rows are loaded."""

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Count, Window

from core.forms import positive_number


class WindowCountPaginator(Paginator):
    """Paginates an ordered queryset: sorts only ids, and loads the full rows of one page.

    Django's Paginator sorts the matches carrying every column. Here the query that sorts returns
    only the page's ids; the full rows of those ids follow in a second, small query.

    With `count_in_window` the same query also counts the matches (COUNT(*) OVER ()), so a
    filter that an index narrows down runs once, not twice; only a requested page past the last
    one (or an empty list) then costs a separate count. Leave it off for lists of a large part
    of the table: PostgreSQL 15 underestimates what the window costs after a LIMIT and may then
    join the rows one by one.
    """

    def __init__(
        self,
        object_list,
        per_page,
        requested=None,
        count_in_window=False,
        heads=(),
        rows=None,
        extra_counts=None,
        **kwargs,
    ):
        """`extra_counts`: {name: Count(..., filter=...)} counted with the matches, in the same
        query; after `count`, all of them are in `counts` (with "matches").

        `rows`: where the page's full rows are loaded from (default object_list), for a
        selection that must be confirmed row by row (activities.listing).

        `heads`: smaller querysets to try first for a page's ids, each in the order of
        object_list and holding its first rows (a filter that keeps or drops a whole first
        part, such as "within 10 km" of a list nearest first). When one holds as many rows as
        the page ends at, the page's ids are the same and a cheaper query finds them."""
        super().__init__(object_list, per_page, **kwargs)
        self.requested = positive_number(str(requested)) or 1
        self.count_in_window = count_in_window
        self.heads = heads
        self.rows = object_list if rows is None else rows
        self.extra_counts = extra_counts or {}
        self.page_ids = {}
        self.counts = {}

    @cached_property
    def count(self):
        if self.count_in_window:
            ids, counts = self.ids_and_counts(self.requested)
            if counts is not None:
                self.page_ids[self.requested] = ids
                self.counts = counts
                return counts["matches"]
        matches = Count("*")  # not Count("pk"): an index without the key can count alone
        self.counts = self.object_list.order_by().aggregate(matches=matches, **self.extra_counts)
        return self.counts["matches"]

    def ids_and_counts(self, number):
        """The ids of page `number` and {"matches": number of matches, and extra_counts} (None
        when the page is empty, or without count_in_window)."""
        start = (number - 1) * self.per_page
        stop = start + self.per_page
        ids = self.object_list.select_related(None).prefetch_related(None)
        if not self.count_in_window:
            for head in self.heads:
                found = list(head.values_list("pk", flat=True)[start:stop])
                if len(found) == self.per_page:
                    return found, None
            return list(ids.values_list("pk", flat=True)[start:stop]), None
        counted = {"matches": Count("*"), **self.extra_counts}
        windows = {name: Window(count) for name, count in counted.items()}
        rows = list(ids.annotate(**windows).values("pk", *windows)[start:stop])
        counts = {name: rows[0][name] for name in windows} if rows else None
        return [row["pk"] for row in rows], counts

    def page(self, number):
        number = self.validate_number(number)
        ids = self.page_ids.get(number)
        if ids is None:
            ids, _counts = self.ids_and_counts(number)
        found = self.rows.order_by().in_bulk(ids)
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)
