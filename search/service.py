"""The site search: live, public pages of the registered types in the visitor's language."""

import re
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from core.forms import positive_number
from core.page_cache import remembered
from core.visibility import public_pages
from editions.models import EditionPage
from figures.kept import place_named

from .registry import registry

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
RESULTS_PER_PAGE = 10
CLOSE_MATCHES = 5
CLOSE_MATCH_SIMILARITY = 0.4
SUGGESTIONS = 3
AUTOCOMPLETE_RESULTS = 8
WORD = re.compile(r"\w+")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]+")
EMAIL_ADDRESS = re.compile(r"\S+@\S+")
LONG_NUMBER = re.compile(r"\d{5,}")


def clean_query(raw):
    """The query as typed, without control characters (NUL included), cut to a sane length."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    """The words of a query. Only these reach the search backend: no operators, quotes or markup."""
    return WORD.findall(query)[:MAX_TERMS]


def words_to_keep(query):
    """The words of a query as the search reports keep them: lower case, without e-mail
    addresses and without words holding five or more digits in a row (a phone, account or
    citizen service number). Empty when nothing is left."""
    words = query_terms(EMAIL_ADDRESS.sub(" ", query))
    return " ".join(word.lower() for word in words if not LONG_NUMBER.search(word))


class KnownCountPaginator(Paginator):
    """A paginator that takes the number of results from the facet counts instead of counting again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


class RankedResults:
    """Ranked results read one page at a time, each page fetched with the facet counts in one
    query (backends whose results offer ``type_counts_with_slice``, see search/backends.py)."""

    def __init__(self, results, content_type_id=None):
        self.results = results
        self.content_type_id = content_type_id
        self.pages = {}
        self.counts = {}

    def counts_with_page(self, page_number):
        number = positive_number(page_number) or 1
        self.ids_from((number - 1) * RESULTS_PER_PAGE)
        return self.counts

    def ids_from(self, start):
        if start not in self.pages:
            self.counts, self.pages[start] = self.results.type_counts_with_slice(
                start, start + RESULTS_PER_PAGE, self.content_type_id
            )
        return self.pages[start]

    def __getitem__(self, key):
        ids = self.ids_from(key.start or 0)[: key.stop - (key.start or 0)]
        pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
        return [pages[pk] for pk in ids]


@dataclass
class SearchFilters:
    type_key: str = ""
    year: int | None = None
    province: str = ""


@dataclass
class Promotion:
    title: str
    description: str
    page: Page | None = None
    url: str = ""


@dataclass
class SearchOutcome:
    terms: list
    counts: dict = field(default_factory=dict)
    page: object = None
    promotions: list = field(default_factory=list)
    close_matches: list = field(default_factory=list)

    @property
    def total(self):
        return self.page.paginator.count if self.page else 0


class SiteSearch:
    def __init__(self, locale, types=None):
        self.locale = locale
        self.types = registry.all() if types is None else types
        self.backend = get_search_backend()

    @cached_property
    def _types_by_content_type(self):
        return {search_type.content_type_id: search_type for search_type in self.types}

    def type_of(self, page):
        return self._types_by_content_type[page.content_type_id]

    def type_by_key(self, key):
        return next((search_type for search_type in self.types if search_type.key == key), None)

    def pages(self, filters=None):
        """Live, public pages of the search types in this locale, narrowed by year and province."""
        content_type_ids = [search_type.content_type_id for search_type in self.types]
        pages = public_pages(
            Page.objects.filter(locale=self.locale, content_type_id__in=content_type_ids)
        )
        if filters and filters.year:
            pages = self._narrow(pages, "year_field", filters.year)
        if filters and filters.province:
            pages = self._narrow(pages, "province_field", filters.province)
        return pages

    def _narrow(self, pages, lookup_attribute, value):
        conditions = [
            Q(pk__in=search_type.model.objects.filter(**{lookup: value}).values("pk"))
            for search_type in self.types
            if (lookup := getattr(search_type, lookup_attribute))
        ]
        return pages.filter(reduce(or_, conditions)) if conditions else pages.none()

    def run(self, query, filters, page_number=None):
        terms = query_terms(query)
        outcome = SearchOutcome(terms=terms)
        if not terms:
            return outcome
        text = " ".join(terms)
        selected = self.type_by_key(filters.type_key)
        pages = self.pages(filters)
        counts, results = self.counts_and_results(pages, text, selected, page_number)
        types = self._types_by_content_type
        outcome.counts = {types[ct_id].key: count for ct_id, count in counts.items() if count}
        total = outcome.counts.get(selected.key, 0) if selected else sum(outcome.counts.values())
        outcome.page = KnownCountPaginator(results, RESULTS_PER_PAGE, total).get_page(page_number)
        outcome.page.object_list = list(outcome.page.object_list)
        outcome.promotions = self.place_pages(terms) + self.promotions(query)
        if not total:
            outcome.close_matches = self.close_matches(pages, text)
        return outcome

    def counts_and_results(self, pages, text, selected, page_number):
        """Results per content type, and the results of the selected type (or all) to paginate."""
        results = pages.search(text, operator="and")
        if hasattr(results, "type_counts_with_slice"):
            ranked = RankedResults(results, selected and selected.content_type_id)
            return ranked.counts_with_page(page_number), ranked
        if selected:
            pages = pages.filter(content_type_id=selected.content_type_id)
        return results.facet("content_type_id"), pages.specific().search(text, operator="and")

    def close_matches(self, pages, text):
        """Pages whose title has words like the query's, for a search that found nothing.

        Trigram similarity needs PostgreSQL (pg_trgm). It compares titles only: Wagtail's
        Fuzzy query compares every word of every body and takes seconds on a large site. The
        operator of TrigramWordSimilar uses the trigram index on titles, with the threshold
        CLOSE_MATCH_SIMILARITY that every connection sets (search/apps.py).
        """
        if not getattr(self.backend, "supports_fuzzy", False):
            return []
        similar = pages.filter(TrigramWordSimilar(F("title"), text)).annotate(
            similarity=TrigramWordSimilarity(text, "title")
        )
        return list(similar.order_by("-similarity", "title").specific()[:CLOSE_MATCHES])

    def suggestions(self):
        """A few recent pages of the suggested types, offered when nothing was found."""
        suggested = [search_type for search_type in self.types if search_type.suggest]
        if not suggested:
            return []
        pages = self.pages().filter(
            content_type_id__in=[search_type.content_type_id for search_type in suggested]
        )
        return list(pages.order_by("-first_published_at").specific()[:SUGGESTIONS])

    def place_pages(self, terms):
        """The place page of the current edition of this language for a query that names a
        place ("Utrecht", "den haag"), whole or as one of its words: place pages are built from
        the activities, so the search index does not hold them."""
        edition = remembered(
            "current-edition",
            lambda: EditionPage.current_for_locale(self.locale),
            self.locale.pk,
            timezone.localdate(),
        )
        if edition is None:
            return []
        names = [" ".join(terms), *terms]
        place = next(filter(None, (place_named(edition, name) for name in names)), None)
        if place is None:
            return []
        title = gettext("%(edition)s in %(place)s") % {
            "edition": edition.title,
            "place": place.name,
        }
        description = ngettext(
            "%(count)s activity, with its figures and calendar",
            "%(count)s activities, with their figures and calendar",
            place.activities,
        ) % {"count": place.activities}
        url = edition.url + edition.reverse_subpage("place", kwargs={"slug": place.slug})
        return [Promotion(title, description, url=url)]

    def promotions(self, query):
        """Editors' promoted results for this query, pages in this locale's translation."""
        picks = list(
            SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
            .select_related("page")
            .order_by("sort_order")
        )
        if not picks:
            return []
        keys = [pick.page.translation_key for pick in picks if pick.page]
        candidates = Page.objects.filter(locale=self.locale, translation_key__in=keys)
        translated = {page.translation_key: page for page in public_pages(candidates)}
        promotions = []
        for pick in picks:
            if pick.page is None:
                title = pick.external_link_text or pick.external_link_url
                promotions.append(Promotion(title, pick.description, url=pick.external_link_url))
            elif pick.page.translation_key in translated:
                page = translated[pick.page.translation_key]
                promotions.append(Promotion(page.title, pick.description, page=page))
        return promotions

    def autocomplete(self, text):
        terms = query_terms(text)
        if not terms:
            return []
        results = self.pages().autocomplete(" ".join(terms), operator="and")
        return list(results[:AUTOCOMPLETE_RESULTS])
