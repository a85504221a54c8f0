"""Query counts that stay flat as content grows, without exact numbers.

An exact count breaks on any Wagtail or Django release that adds a query of its own; what must
hold is that a page does not make a query per item and stays within a budget. So a page is
rendered with n items and with factor × n items: the counts are equal (give or take `slack`)
and below `upper_bound`.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# What one public page (frame, routing, content, view restrictions) may cost at most.
PUBLIC_PAGE_BUDGET = 30


def count_queries(action):
    """The number of queries `action()` makes, and what it returned."""
    with CaptureQueriesContext(connection) as queries:
        result = action()
    return len(queries), result


def assert_flat_query_count(
    test, add_items, render, n=3, factor=10, upper_bound=PUBLIC_PAGE_BUDGET, slack=0
):
    """Add n items, render, add items up to factor × n, render again: the same number of
    queries (at most `slack` apart), and never more than `upper_bound`.

    `add_items(count)` adds `count` more items; `render()` does the work under test and its
    result of the second run is returned. Each count is taken on a second render, after a
    first one has filled the per-process caches (content types, locales, site root paths).
    """
    counts = []
    result = None
    for count in (n, n * factor - n):
        add_items(count)
        render()
        queries, result = count_queries(render)
        counts.append(queries)
    few, many = counts
    test.assertLessEqual(
        abs(many - few), slack, f"{few} queries for {n} items, {many} for {n * factor}"
    )
    test.assertLessEqual(many, upper_bound, f"{many} queries, more than {upper_bound}")
    return result
