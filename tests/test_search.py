"""Site search: language, visibility, facets, filters, promotions, autocomplete, logging, hostile input."""

import csv
import importlib
import io
import re
import unittest
from unittest import mock

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, PageViewRestriction

from core.provinces import Province
from search import counting
from search.models import UnansweredSearch
from search.registry import SearchType, registry
from tests.factories import (
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    translate,
)
from tests.factories_ideas import make_idea, make_idea_index
from tests.queries import PUBLIC_PAGE_BUDGET, assert_flat_query_count, count_queries
from tests.two_factor import log_in

TYPES = [
    SearchType("edition", "editions.EditionPage", "Edition", year_field="year", suggest=True),
    SearchType("overview", "editions.EditionIndexPage", "Overview"),
]
on_postgres = unittest.skipUnless(
    connection.vendor == "postgresql", "stemming, ranking and fuzzy search need PostgreSQL"
)


class SearchTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.english, _created = Locale.objects.get_or_create(language_code="en")
        cls.index = make_edition_index(cls.home)
        cls.index.introduction = "Alle edities van de week, samen met de buren."
        cls.index.save_revision().publish()
        cls.walk = make_edition(
            cls.index,
            2024,
            title="Samen op pad",
            introduction="Een wandeling door de wijk met de buren.",
        )
        cls.coffee = make_edition(cls.index, 2025, introduction="Koffie drinken met de buren.")
        cls.unpublished = make_edition(cls.index, 2023, title="Geheime wandeling")
        cls.unpublished.unpublish()
        cls.private = make_edition(cls.index, 2022, title="Besloten wandeling")
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        translate(
            cls.index,
            cls.english,
            title="Editions",
            slug="editions",
            introduction="All editions of the week, together with the neighbours.",
        )
        cls.en_walk = translate(
            cls.walk,
            cls.english,
            title="Out together",
            introduction="A walking tour of the neighbourhood with the neighbours.",
        )
        cls.en_coffee = translate(
            cls.coffee,
            cls.english,
            title="Week of Connection 2025",
            introduction="Coffee with the neighbours.",
        )

    def setUp(self):
        self.enterContext(registry.override(TYPES))

    def search(self, language="nl", **params):
        return self.client.get(f"/{language}/search/", params)

    def result_titles(self, response):
        return [result["page"].title for result in response.context["results"]]


class LanguageAndVisibilityTest(SearchTestCase):
    def test_finds_a_word_and_marks_it(self):
        response = self.search(query="wandeling")
        self.assertEqual(self.result_titles(response), ["Samen op pad"])
        self.assertContains(response, "<mark>wandeling</mark>", html=False)
        self.assertContains(response, "1 resultaat voor")

    def test_results_only_in_the_visitors_language(self):
        dutch = self.result_titles(self.search(query="buren"))
        english = self.result_titles(self.search("en", query="neighbours"))
        self.assertCountEqual(dutch, ["Samen op pad", "Week van de Verbinding 2025", "Edities"])
        self.assertCountEqual(english, ["Out together", "Week of Connection 2025", "Editions"])
        self.assertEqual(self.result_titles(self.search("en", query="buren")), [])

    def test_unpublished_and_private_pages_never_appear(self):
        for query in ("wandeling", "geheime", "besloten"):
            titles = self.result_titles(self.search(query=query))
            self.assertNotIn("Geheime wandeling", titles)
            self.assertNotIn("Besloten wandeling", titles)

    def test_unpublished_and_private_pages_not_suggested_while_typing(self):
        response = self.client.get("/nl/search/suggest/", {"query": "Gehei"})
        self.assertEqual(response.json(), {"suggestions": []})
        response = self.client.get("/nl/search/suggest/", {"query": "Beslo"})
        self.assertEqual(response.json(), {"suggestions": []})

    def test_autocomplete_suggests_titles_in_the_visitors_language(self):
        response = self.client.get("/nl/search/suggest/", {"query": "Sam"})
        self.assertEqual(
            response.json(),
            {
                "suggestions": [
                    {"title": "Samen op pad", "url": "/nl/edities/2024/", "type": "Edition"}
                ]
            },
        )
        english = self.client.get("/en/search/suggest/", {"query": "Sam"})
        self.assertEqual(english.json(), {"suggestions": []})

    @on_postgres
    def test_dutch_stemming(self):
        self.assertEqual(self.result_titles(self.search(query="wandelingen")), ["Samen op pad"])

    @on_postgres
    def test_english_stemming(self):
        self.assertEqual(self.result_titles(self.search("en", query="walks")), ["Out together"])

    @on_postgres
    def test_each_language_is_indexed_with_its_own_configuration(self):
        """An English stemmer leaves "wandeling" alone and Dutch leaves "walking": both must be stemmed."""
        entries = {
            page.pk: page.index_entries.get().body
            for page in (self.walk.specific, self.en_walk.specific)
        }
        self.assertIn("'wandel'", entries[self.walk.pk])
        self.assertIn("'walk'", entries[self.en_walk.pk])

    @on_postgres
    def test_rebuilding_the_index_keeps_each_language_stemmed_its_own_way(self):
        call_command("update_index", stdout=io.StringIO())
        self.assertEqual(self.result_titles(self.search(query="wandelingen")), ["Samen op pad"])
        self.assertEqual(self.result_titles(self.search("en", query="walks")), ["Out together"])

    @on_postgres
    def test_spelling_tolerant_empty_state(self):
        response = self.search(query="samn")
        self.assertEqual(response.context["outcome"].total, 0)
        self.assertEqual(
            [page.title for page in response.context["outcome"].close_matches], ["Samen op pad"]
        )
        self.assertContains(response, "Samen op pad")


class FacetsAndFiltersTest(SearchTestCase):
    def test_facet_counts_agree_with_the_results(self):
        response = self.search(query="buren")
        facets = {facet["key"]: facet["count"] for facet in response.context["facets"]}
        self.assertEqual(facets, {"": 3, "edition": 2, "overview": 1})
        self.assertEqual(response.context["outcome"].total, 3)
        for key in ("edition", "overview"):
            filtered = self.search(query="buren", type=key)
            self.assertEqual(filtered.context["outcome"].total, facets[key])
            self.assertEqual(len(self.result_titles(filtered)), facets[key])
            self.assertEqual({f["key"]: f["count"] for f in filtered.context["facets"]}, facets)

    def test_facet_links_keep_the_query(self):
        response = self.search(query="buren", year="2024")
        self.assertContains(response, 'href="?query=buren&amp;year=2024&amp;type=edition"')

    def test_year_filter_keeps_types_with_a_year(self):
        response = self.search(query="buren", year="2024")
        self.assertEqual(self.result_titles(response), ["Samen op pad"])
        facets = {facet["key"]: facet["count"] for facet in response.context["facets"]}
        self.assertEqual(facets, {"": 1, "edition": 1, "overview": 0})

    def test_unknown_filter_values_are_ignored(self):
        response = self.search(query="buren", type="nope", year="abc", page="zzz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["outcome"].total, 3)

    def test_empty_state_suggests_pages(self):
        response = self.search(query="xyzzy")
        self.assertContains(response, "Niets gevonden")
        self.assertEqual(
            [page.title for page in response.context["suggestions"]],
            ["Week van de Verbinding 2025", "Samen op pad"],
        )

    def test_search_without_filters_link_in_empty_state(self):
        response = self.search(query="koffie", year="2024")
        self.assertContains(response, 'href="?query=koffie"')


class PromotionTest(SearchTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        SearchPromotion.objects.create(
            query=Query.get("koffie"), page=cls.walk, description="Onze aanrader", sort_order=0
        )

    def test_promotion_shown_before_the_results(self):
        content = self.search(query="Koffie").content.decode()
        self.assertIn("Onze aanrader", content)
        self.assertLess(content.index("Samen op pad"), content.index("Week van de Verbinding 2025"))

    def test_promotion_follows_the_visitors_language(self):
        response = self.search("en", query="koffie")
        promotions = response.context["outcome"].promotions
        self.assertEqual([promotion.page for promotion in promotions], [self.en_walk.page_ptr])


class QueryLoggingTest(SearchTestCase):
    def test_searches_without_results_are_counted_without_personal_data(self):
        self.search(query="Xyzzy")
        self.search(query="xyzzy ")
        self.search(query="buren")
        self.search(query="xyzzy", page="2")
        entry = UnansweredSearch.objects.get()
        self.assertEqual(
            (entry.query.query_string, entry.language_code, entry.hits), ("xyzzy", "nl", 2)
        )
        self.assertEqual(Query.get("buren").hits, 1)
        fields = {field.name for field in UnansweredSearch._meta.get_fields()}
        self.assertEqual(fields, {"id", "query", "language_code", "date", "hits"})

    def test_only_normalised_words_are_stored(self):
        self.search(query='Mail Anna.de.Vries@Example.org of bel 06-12345678 =HYPERLINK("x")')
        self.search(query="anna@example.org")
        self.search(query="NL91ABNA0417164300")
        stored = list(Query.objects.values_list("query_string", flat=True))
        self.assertEqual(stored, ["mail of bel 06 hyperlink x"])
        self.assertEqual(UnansweredSearch.objects.get().query.query_string, stored[0])

    def test_counts_of_searches_stored_as_typed_move_to_their_words(self):
        today = timezone.localdate()
        for typed, hits in (("Koffie, buren!", 2), ("koffie buren", 3), ("anna@example.org", 4)):
            query = Query.objects.create(query_string=typed)
            QueryDailyHits.objects.create(query=query, date=today, hits=hits)
            UnansweredSearch.objects.create(query=query, language_code="nl", date=today, hits=1)
        promoted = Query.objects.create(query_string="=koffie")
        QueryDailyHits.objects.create(query=promoted, date=today, hits=1)
        SearchPromotion.objects.create(query=promoted, page=self.coffee, sort_order=0)
        migration = "search.migrations.0006_keep_only_normalised_search_words"
        importlib.import_module(migration).keep_only_normalised_words(apps, None)
        hits = dict(Query.objects.values_list("query_string").annotate(Sum("daily_hits__hits")))
        self.assertEqual(hits, {"koffie buren": 5, "koffie": 1, "=koffie": None})
        unanswered = UnansweredSearch.objects.values_list("query__query_string", "hits")
        self.assertEqual(list(unanswered), [("koffie buren", 2)])

    def test_report_for_editors_who_manage_promotions(self):
        self.search(query="xyzzy")
        editor = self.make_user("editor", "add_searchpromotion")
        log_in(self.client, editor)
        response = self.client.get("/admin/reports/unanswered-searches/")
        self.assertContains(response, "xyzzy")

    def test_report_closed_to_others(self):
        log_in(self.client, self.make_user("reader"))
        response = self.client.get("/admin/reports/unanswered-searches/")
        self.assertNotEqual(response.status_code, 200)

    def export(self, path, user):
        log_in(self.client, user)
        response = self.client.get(path, {"export": "csv"})
        self.assertEqual(response.status_code, 200)
        return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    def test_exports_never_hand_a_spreadsheet_a_formula(self):
        today = timezone.localdate()
        for typed in ('=HYPERLINK("http://x.example","klik")', "+1", "-1", "@SUM(A1)"):
            query = Query.objects.create(query_string=typed)
            QueryDailyHits.objects.create(query=query, date=today, hits=1)
            UnansweredSearch.objects.create(query=query, language_code="nl", date=today, hits=1)
        superuser = self.make_user("admin")
        superuser.is_superuser = True
        superuser.save()
        for path in (
            "/admin/reports/unanswered-searches/",
            "/admin/searchpicks/reports/search-terms/",
        ):
            with self.subTest(path=path):
                cells = [row[0] for row in self.export(path, superuser)[1:]]
                self.assertEqual(len(cells), 4)
                self.assertTrue(all(cell.startswith("'") for cell in cells), cells)

    def make_user(self, username, *codenames):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_user(username, password="x")
        group = Group.objects.create(name=f"group of {username}")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        group.permissions.add(*Permission.objects.filter(codename__in=codenames))
        user.groups.add(group)
        return user


@override_settings(PAGE_CACHE_ENABLED=True)
class CachedSearchTest(SearchTestCase):
    """A repeated search is answered from the page cache and still counted for the editors."""

    def setUp(self):
        hold_counts = mock.patch.object(counting, "FLUSH_SECONDS", 3600)
        hold_counts.start()
        self.addCleanup(hold_counts.stop)

    def test_a_repeated_search_comes_from_the_cache_and_is_counted_when_written(self):
        self.assertEqual(self.search(query="buren")["X-Page-Cache"], "miss")
        with self.assertNumQueries(0):
            self.assertEqual(self.search(query="buren")["X-Page-Cache"], "hit")
        self.search(query="buren")
        self.assertEqual(Query.get("buren").hits, 1)  # the two cached ones wait in memory
        counting.flush()
        self.assertEqual(Query.get("buren").hits, 3)

    def test_cached_searches_without_results_are_counted_per_language(self):
        for _ in range(3):
            self.search(query="xyzzy")
        self.search("en", query="xyzzy")
        counting.flush()
        counts = dict(UnansweredSearch.objects.values_list("language_code", "hits"))
        self.assertEqual(counts, {"nl": 3, "en": 1})

    def test_counts_are_written_once_the_interval_has_passed(self):
        self.search(query="buren")
        with mock.patch.object(counting, "FLUSH_SECONDS", 0):
            self.search(query="buren")
        self.assertEqual(Query.get("buren").hits, 2)

    def test_later_pages_of_results_are_cached_but_not_counted(self):
        self.search(query="buren", page="2")
        self.search(query="buren", page="2")
        counting.flush()
        self.assertFalse(Query.objects.filter(query_string="buren").exists())

    def test_a_published_page_is_found_at_once(self):
        self.assertNotContains(self.search(query="soepfestijn"), "Soepfestijn")
        make_edition(self.index, 2019, title="Soepfestijn", slug="soepfestijn")
        self.assertContains(self.search(query="soepfestijn"), "Soepfestijn")


class HostileQueryTest(SearchTestCase):
    QUERIES = [
        "",
        "   ",
        "wandeling " * 1000,
        "x" * 10_000,
        "'; DROP TABLE wagtailcore_page; --",
        "1 OR 1=1",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        '"unbalanced',
        "it's",
        "a & b | !c <-> d:*",
        "((( )))",
        "😀 🎉 wandeling",
        "wan\x00deling",
        "\x00",
        "\\",
        "%_%",
        "\u202e\u200b",
    ]

    def test_every_query_gives_a_normal_page(self):
        for query in self.QUERIES:
            with self.subTest(query=query[:40]):
                response = self.search(query=query)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "<script>alert")
                self.assertNotContains(response, "<img src=x")
                suggest = self.client.get("/nl/search/suggest/", {"query": query})
                self.assertEqual(suggest.status_code, 200)

    def test_input_is_echoed_escaped(self):
        response = self.search(query="<script>alert(1)</script>")
        self.assertContains(response, 'value="&lt;script&gt;alert(1)&lt;/script&gt;"')

    def test_nul_bytes_are_dropped(self):
        response = self.search(query="wan\x00deling")
        self.assertEqual(response.context["search_query"], "wan deling")

    def test_no_inline_script_or_event_handlers(self):
        content = self.search(query="buren").content.decode()
        self.assertEqual(re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", content), [])
        self.assertEqual(re.findall(r"\son[a-z]+=", content), [])


class QueryCountTest(SearchTestCase):
    def test_a_results_page_of_two_types_stays_within_the_budget(self):
        self.search(query="buren")  # the query's log rows exist from now on
        queries, response = count_queries(lambda: self.search(query="buren"))
        self.assertEqual(response.context["outcome"].total, 3)
        self.assertLessEqual(queries, PUBLIC_PAGE_BUDGET)

    def test_query_count_does_not_grow_with_results(self):
        """One query for the specific fields of each type on the page, however many results."""
        years = iter(range(2000, 2010))

        def add_editions(count):
            for _ in range(count):
                make_edition(self.index, next(years), introduction="Nog meer buren.")

        response = assert_flat_query_count(
            self, add_editions, lambda: self.search(query="buren", type="edition"), n=1
        )
        self.assertEqual(len(response.context["results"]), 10)


class PaginationTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = make_edition_index(make_home())
        for year in range(2000, 2012):
            make_edition(index, year, introduction="Een markt op het plein.")

    def setUp(self):
        self.enterContext(registry.override(TYPES))

    def test_twelve_results_on_two_pages(self):
        first = self.client.get("/nl/search/", {"query": "markt"})
        second = self.client.get("/nl/search/", {"query": "markt", "page": "2"})
        self.assertEqual(len(first.context["results"]), 10)
        self.assertEqual(len(second.context["results"]), 2)
        self.assertContains(second, "12 resultaten")
        self.assertContains(first, 'rel="next"')

    def test_pages_follow_the_ranking_without_gaps_or_repeats(self):
        first = self.client.get("/nl/search/", {"query": "markt"})
        second = self.client.get("/nl/search/", {"query": "markt", "page": "2"})
        years = [r["page"].year for r in first.context["results"] + second.context["results"]]
        self.assertEqual(sorted(years), list(range(2000, 2012)))

    def test_a_page_past_the_end_shows_the_last_page(self):
        response = self.client.get("/nl/search/", {"query": "markt", "page": "9"})
        self.assertEqual(response.context["outcome"].page.number, 2)
        self.assertEqual(len(response.context["results"]), 2)

    def test_type_facet_pages_through_that_type_only(self):
        response = self.client.get(
            "/nl/search/", {"query": "markt", "type": "edition", "page": "2"}
        )
        self.assertEqual(len(response.context["results"]), 2)
        self.assertEqual(response.context["outcome"].counts, {"edition": 12})


@on_postgres
class WordsSplitOverTitleAndTextTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = make_edition_index(make_home())
        make_edition(index, 2001, title="Wijkfeest", introduction="Met soep op het plein.")
        make_edition(index, 2002, title="Buurtdag", introduction="Met soep in het park.")

    def setUp(self):
        self.enterContext(registry.override(TYPES))

    def test_a_word_in_the_title_and_one_in_the_text_find_the_page(self):
        response = self.client.get("/nl/search/", {"query": "wijkfeest soep"})
        self.assertEqual([r["page"].title for r in response.context["results"]], ["Wijkfeest"])


@on_postgres
class BoostTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = make_edition_index(make_home())
        make_edition(index, 2001, title="Wijkfeest", reason="<p>Met een picknick op het plein.</p>")
        make_edition(index, 2002, title="Buurtdag", introduction="Een picknick in het park.")
        make_edition(index, 2003, title="Straatfeest", search_terms="picknick, buitenspelen")
        make_edition(index, 2004, title="Picknick voor iedereen")

    def setUp(self):
        self.enterContext(registry.override(TYPES))

    def test_title_above_search_terms_above_summary_above_body(self):
        response = self.client.get("/nl/search/", {"query": "picknick"})
        titles = [result["page"].title for result in response.context["results"]]
        self.assertEqual(titles, ["Picknick voor iedereen", "Straatfeest", "Buurtdag", "Wijkfeest"])


class RegisteredTypesTest(TestCase):
    """The registry as shipped: the types whose apps are installed take part without a change."""

    @classmethod
    def setUpTestData(cls):
        home = make_home()
        make_edition(make_edition_index(home), 2025, introduction="Een picknick in het park.")
        make_idea(
            make_idea_index(home), "Picknick met de buren", introduction="Neem iets lekkers mee."
        )

    def test_ideas_and_editions_are_found_with_their_labels(self):
        response = self.client.get("/nl/search/", {"query": "picknick"})
        labels = {
            result["page"].title: str(result["type_label"])
            for result in response.context["results"]
        }
        self.assertEqual(
            labels, {"Picknick met de buren": "Idee", "Week van de Verbinding 2025": "Editie"}
        )
        counts = {facet["key"]: facet["count"] for facet in response.context["facets"]}
        self.assertEqual((counts["idea"], counts["edition"]), (1, 1))

    def test_ideas_are_suggested_when_nothing_is_found(self):
        response = self.client.get("/nl/search/", {"query": "xyzzy"})
        self.assertEqual(
            [page.title for page in response.context["suggestions"]], ["Picknick met de buren"]
        )
        self.assertContains(response, "Misschien inspireren deze ideeën je")


class ActivityFiltersTest(TestCase):
    """Province filters activities and teams; the year filter keeps an activity of that edition."""

    @classmethod
    def setUpTestData(cls):
        home = make_home()
        index = make_edition_index(home)
        e2024 = make_edition(index, 2024, start=(12, 9), end=(12, 13))
        e2025 = make_edition(index, 2025, start=(12, 8), end=(12, 12))
        make_activity(e2025, "Soep in Zwolle", province=Province.OVERIJSSEL)
        make_activity(
            e2025, "Soep in Utrecht", city="Utrecht", postcode="3511 AA", province=Province.UTRECHT
        )
        make_activity(e2024, "Soep van vorig jaar", province=Province.OVERIJSSEL)
        make_team(make_team_index(home), "Team Soep Zwolle")

    def results(self, **params):
        response = self.client.get("/nl/search/", {"query": "soep", **params})
        return sorted(result["page"].title for result in response.context["results"])

    def test_province_keeps_activities_and_teams_of_that_province(self):
        self.assertEqual(
            self.results(province="overijssel"),
            ["Soep in Zwolle", "Soep van vorig jaar", "Team Soep Zwolle"],
        )

    def test_year_and_province_combine(self):
        self.assertEqual(self.results(province="overijssel", year="2025"), ["Soep in Zwolle"])

    def test_type_facet_with_province(self):
        response = self.client.get("/nl/search/", {"query": "soep", "province": "overijssel"})
        counts = {facet["key"]: facet["count"] for facet in response.context["facets"]}
        self.assertEqual((counts["activity"], counts["team"], counts[""]), (2, 1, 3))


class RankedResultsPageNumberTest(unittest.TestCase):
    """Found by the fuzzer (tests/fuzz): PostgreSQL's ranked results read the page number
    themselves; "²" passed str.isdigit() and then failed int()."""

    class Results:
        def __init__(self):
            self.starts = []

        def type_counts_with_slice(self, start, stop, content_type_id):
            self.starts.append(start)
            return {}, []

    def test_page_numbers_that_are_not_plain_digits_read_as_the_first_page(self):
        from search.service import RankedResults

        for page_number in ("\u00b2", "\u0663", "-2", "0", "", None, "9" * 40):
            with self.subTest(page=page_number):
                results = self.Results()
                RankedResults(results).counts_with_page(page_number)
                self.assertEqual(results.starts, [0])

    def test_a_plain_page_number_reads_its_page(self):
        from search.service import RankedResults

        results = self.Results()
        RankedResults(results).counts_with_page("3")
        self.assertEqual(results.starts, [20])


class CompoundAndPrefixTest(TestCase):
    """Words inside Dutch compounds and at the start of longer words, on SQLite and PostgreSQL."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        index = make_edition_index(cls.home)
        make_edition(index, 2001, title="Wandelvoetbal met ouderen")
        make_edition(index, 2002, title="Liftkoffie", introduction="Een praatje in de lift.")
        make_edition(index, 2003, title="Buurtbarbecue", introduction="Samen eten op het plein.")
        make_edition(index, 2004, title="Weten wat er speelt", introduction="Een avond vol vragen.")
        make_edition(index, 2005, title="Samen op pad", introduction="Een wandeling door de wijk.")

    def setUp(self):
        self.enterContext(registry.override(TYPES))

    def titles(self, query, language="nl"):
        response = self.client.get(f"/{language}/search/", {"query": query})
        return sorted(result["page"].title for result in response.context["results"])

    def test_a_verb_finds_the_compound_it_starts(self):
        self.assertEqual(self.titles("wandelen"), ["Samen op pad", "Wandelvoetbal met ouderen"])

    def test_a_word_finds_the_compound_it_ends(self):
        self.assertEqual(self.titles("koffie"), ["Liftkoffie"])
        self.assertEqual(self.titles("voetbal"), ["Wandelvoetbal met ouderen"])
        self.assertEqual(self.titles("barbecue"), ["Buurtbarbecue"])

    def test_the_start_of_a_word_finds_it(self):
        self.assertEqual(self.titles("buurt"), ["Buurtbarbecue"])
        self.assertEqual(self.titles("wandelvoet"), ["Wandelvoetbal met ouderen"])

    def test_a_word_is_not_found_inside_an_unrelated_word(self):
        """ "eten" is in "weten" but not at a point where a compound's part starts."""
        self.assertEqual(self.titles("eten"), ["Buurtbarbecue"])

    def test_all_words_must_match(self):
        self.assertEqual(self.titles("koffie lift"), ["Liftkoffie"])
        self.assertEqual(self.titles("koffie voetbal"), [])

    def test_short_words_match_whole_words_only(self):
        self.assertEqual(self.titles("pad"), ["Samen op pad"])
        self.assertEqual(self.titles("pa"), [])

    def test_stemming_still_finds_other_forms(self):
        self.assertEqual(self.titles("wandelingen"), ["Samen op pad", "Wandelvoetbal met ouderen"])

    def test_indexing_many_pages_looks_up_the_languages_once(self):
        from core.compounds import forget_languages
        from editions.models import EditionPage

        pages = list(EditionPage.objects.all())
        forget_languages()
        with self.assertNumQueries(1):
            parts = [page.compound_parts for page in pages]
        self.assertIn("koffie", parts)

    def test_quotes_and_operators_are_plain_text(self):
        for query in ('"koffie', "koffie*", "(koffie)", "koffie'", "koffie:*"):
            self.assertEqual(self.titles(query), ["Liftkoffie"], query)


class CompoundPartsTest(unittest.TestCase):
    def test_tails_from_each_hyphenation_point(self):
        from core.compounds import compound_parts

        self.assertEqual(compound_parts("Liftkoffie"), "koffie")
        self.assertEqual(compound_parts("Wandelvoetbal"), "delvoetbal voetbal")
        self.assertEqual(compound_parts("Een dag met weten"), "")

    def test_only_languages_that_write_compounds_as_one_word(self):
        from core.compounds import compound_parts

        self.assertEqual(compound_parts("Liftkoffie", "en"), "")


class HeaderSearchTest(TestCase):
    """A search field in the header of every page, in the page's language, with suggestions."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.index = make_edition_index(cls.home)
        cls.edition = make_edition(cls.index, 2026)
        cls.activity = make_activity(cls.edition)

    def header_search(self, url):
        response = self.client.get(url, follow=True)
        self.assertEqual(response.status_code, 200, url)
        html = response.content.decode()
        header = html[html.index('<header class="site-header">') : html.index("</header>")]
        return response, header

    def test_every_kind_of_page_has_the_search_field(self):
        for url in ("/nl/", self.index.url, self.edition.url, self.activity.url, "/nl/search/"):
            _response, header = self.header_search(url)
            self.assertIn('role="search"', header, url)
            self.assertIn('action="/nl/search/"', header, url)
            self.assertIn('<label class="visually-hidden" for="site-search-query">', header, url)
            self.assertIn('id="site-search-query" type="search" name="query"', header, url)
            self.assertIn('data-suggest-url="/nl/search/suggest/"', header, url)

    def test_suggestions_script_on_every_page_once(self):
        response, _header = self.header_search(self.activity.url)
        self.assertContains(response, "search/autocomplete.js", count=1)
        response, _header = self.header_search("/nl/search/?query=koffie")
        self.assertContains(response, "search/autocomplete.js", count=1)

    def test_english_pages_search_in_english(self):
        english, _created = Locale.objects.get_or_create(language_code="en")
        translate(self.home, english, title="Week of Connection")
        _response, header = self.header_search("/en/")
        self.assertIn('action="/en/search/"', header)
        self.assertIn('data-suggest-url="/en/search/suggest/"', header)

    def test_the_header_field_searches(self):
        response = self.client.get("/nl/search/", {"query": "lift"})
        self.assertEqual(
            [r["page"].title for r in response.context["results"]], ["Koffie in de lift"]
        )
