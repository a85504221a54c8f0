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
        **kwargs,
    ):
        """`rows`: where the page's full rows are loaded from (default object_list), for a
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
        self.page_ids = {}

    @cached_property
    def count(self):
        if self.count_in_window:
            ids, total = self.ids_and_total(self.requested)
            if total is not None:
                self.page_ids[self.requested] = ids
                return total
        return self.object_list.count()

    def ids_and_total(self, number):
        """The ids of page `number` and the number of matches (None when the page is empty, or
        without count_in_window)."""
        start = (number - 1) * self.per_page
        stop = start + self.per_page
        ids = self.object_list.select_related(None).prefetch_related(None)
        if not self.count_in_window:
            for head in self.heads:
                found = list(head.values_list("pk", flat=True)[start:stop])
                if len(found) == self.per_page:
                    return found, None
            return list(ids.values_list("pk", flat=True)[start:stop]), None
        rows = list(
            ids.annotate(matches=Window(Count("pk"))).values_list("pk", "matches")[start:stop]
        )
        return [pk for pk, _matches in rows], (rows[0][1] if rows else None)

    def page(self, number):
        number = self.validate_number(number)
        ids = self.page_ids.get(number)
        if ids is None:
            ids, _total = self.ids_and_total(number)
        found = self.rows.order_by().in_bulk(ids)
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)
