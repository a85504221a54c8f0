import os

from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from activities.registration import do_this_idea_url
from home.models import HomePage
from ideas.models import (
    IDEAS_PER_PAGE,
    IdeaIndexPage,
    IdeaPage,
    Organiser,
    PinnedRelatedIdea,
    Theme,
)
from tests.demo import DemoSiteTestCase
from tests.factories import make_edition, make_edition_index, make_home
from tests.factories_ideas import (
    make_idea,
    make_idea_index,
    make_ideas,
    make_organiser,
    make_theme,
)
from tests.queries import assert_flat_query_count


def titles(response):
    return [idea.title for idea in response.context["ideas"]]


class IdeaPageTreeTest(WagtailPageTestCase):
    def test_toolkit_lives_under_home_and_holds_only_ideas(self):
        self.assertAllowedParentPageTypes(IdeaIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(IdeaIndexPage, {IdeaPage})

    def test_idea_only_in_the_toolkit_and_has_no_children(self):
        self.assertAllowedParentPageTypes(IdeaPage, {IdeaIndexPage})
        self.assertAllowedSubpageTypes(IdeaPage, set())

    def test_one_toolkit_per_home(self):
        home = make_home()
        self.assertTrue(IdeaIndexPage.can_create_at(home))
        make_idea_index(home)
        self.assertFalse(IdeaIndexPage.can_create_at(home))


class IdeaFilterTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_idea_index(make_home())
        sport, culture = make_theme("Sport"), make_theme("Cultuur")
        school, company = make_organiser("Onderwijs"), make_organiser("Bedrijven")
        make_idea(cls.index, "Voetbal met school", [sport], [school], cost="free")
        make_idea(cls.index, "Voetbal met collega's", [sport], [company], cost="free")
        make_idea(cls.index, "Dure sportdag", [sport], [school], cost="high")
        make_idea(cls.index, "Toneel op school", [culture], [school], cost="free")
        make_idea(cls.index, "Kerstconcert", [culture], [company], cost="low", setting="outdoor")

    def get(self, query=""):
        response = self.client.get(self.index.url + query)
        self.assertEqual(response.status_code, 200)
        return response

    def test_without_filters_every_idea_and_the_count(self):
        response = self.get()
        self.assertEqual(len(titles(response)), 5)
        self.assertContains(response, "5 ideeën")

    def test_filters_combine_with_and(self):
        response = self.get("?theme=sport&organiser=onderwijs&cost=free")
        self.assertEqual(titles(response), ["Voetbal met school"])
        self.assertContains(response, "1 idee past")

    def test_theme_and_fact(self):
        response = self.get("?theme=cultuur&setting=outdoor")
        self.assertEqual(titles(response), ["Kerstconcert"])

    def test_no_match_says_so(self):
        response = self.get("?theme=cultuur&cost=high")
        self.assertEqual(titles(response), [])
        self.assertContains(response, "0 ideeën")

    def test_unknown_values_are_ignored_and_the_rest_still_applies(self):
        response = self.get("?theme=bestaat-niet&organiser=onderwijs&cost=gratis&setting=")
        self.assertEqual(
            sorted(titles(response)), ["Dure sportdag", "Toneel op school", "Voetbal met school"]
        )

    def test_malformed_values_never_cause_an_error(self):
        for query in ("?theme=%00", "?cost[]=x", "?page=abc", "?page=-1", "?theme=" + "x" * 5000):
            with self.subTest(query=query):
                self.get(query)

    def test_filter_form_keeps_valid_choices_and_drops_invalid_ones(self):
        response = self.get("?theme=sport&cost=gratis")
        form = response.context["filter_form"]
        self.assertEqual(form["theme"].value(), "sport")
        self.assertFalse(form["cost"].value())
        self.assertNotContains(response, "errorlist")

    def test_filters_of_another_locale_do_not_apply(self):
        english, _ = Locale.objects.get_or_create(language_code="en")
        make_theme("Music", slug="music", locale=english)
        response = self.get("?theme=music")
        self.assertEqual(len(titles(response)), 5)

    def test_form_works_without_javascript(self):
        response = self.get()
        self.assertContains(response, '<form method="get" action="/nl/ideeen/"')
        self.assertContains(response, 'type="submit"')


class IdeaPaginationTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_idea_index(make_home())
        cls.sport = make_theme("Sport")
        make_ideas(cls.index, IDEAS_PER_PAGE + 3, themes=[cls.sport])
        make_idea(cls.index, "Zonder thema")

    def test_second_page_keeps_the_filters_in_its_links(self):
        response = self.client.get(self.index.url + "?theme=sport")
        self.assertContains(response, "?theme=sport&amp;page=2")
        second = self.client.get(self.index.url + "?theme=sport&page=2")
        self.assertEqual(len(titles(second)), 3)

    def test_beyond_the_last_page_shows_the_last_page(self):
        response = self.client.get(self.index.url + "?theme=sport&page=99")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["ideas"].number, 2)
        self.assertEqual(len(titles(response)), 3)


class IdeaIndexQueryCountTest(WagtailPageTestCase):
    def test_query_count_does_not_grow_with_ideas(self):
        index = make_idea_index(make_home())
        theme, organiser = make_theme("Sport"), make_organiser("Buren")
        url = index.url + "?theme=sport&organiser=buren&cost=free"

        def add_ideas(count):
            prefix = f"Idee {IdeaPage.objects.count()}"
            make_ideas(index, count, prefix=prefix, themes=[theme], organisers=[organiser])

        response = assert_flat_query_count(self, add_ideas, lambda: self.client.get(url), n=5)
        self.assertEqual(response.context["ideas"].paginator.count, 50)


class RelatedIdeasTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.index = make_idea_index(home)
        sport, culture = make_theme("Sport"), make_theme("Cultuur")
        neighbours = make_organiser("Buren")
        cls.idea = make_idea(cls.index, "Voetbal", [sport])
        cls.same_theme = make_idea(cls.index, "Hockey", [sport])
        cls.draft = make_idea(cls.index, "Tennis", [sport], live=False)
        cls.unrelated = make_idea(cls.index, "Toneel", [culture], [neighbours])
        cls.pinned = make_idea(cls.index, "Zingen", [culture])
        PinnedRelatedIdea.objects.create(page=cls.idea, idea=cls.pinned)
        PinnedRelatedIdea.objects.create(page=cls.idea, idea=cls.draft, sort_order=1)
        cls.edition_index = make_edition_index(home)

    def related(self):
        return IdeaPage.objects.get(pk=self.idea.pk).related_ideas()

    def test_pinned_first_then_same_theme_never_itself_or_drafts(self):
        self.assertEqual(self.related(), [self.pinned, self.same_theme])

    def test_same_organiser_counts_as_related(self):
        neighbours = self.unrelated.organisers.first()
        other = make_idea(self.index, "Buurtborrel", organisers=[neighbours])
        self.assertIn(other, IdeaPage.objects.get(pk=self.unrelated.pk).related_ideas())

    def test_the_page_shows_related_ideas(self):
        response = self.client.get(self.idea.url)
        self.assertContains(response, "Zingen")
        self.assertContains(response, "Hockey")
        self.assertNotContains(response, "Tennis")

    def test_do_this_idea_leads_to_the_activity_form_once_an_edition_is_open(self):
        self.assertIsNone(do_this_idea_url(self.idea))
        self.assertNotContains(self.client.get(self.idea.url), "meld-je-activiteit-aan")
        make_edition(self.edition_index, 2099)
        link = f"/nl/meld-je-activiteit-aan/?idea={self.idea.pk}"
        self.assertEqual(do_this_idea_url(self.idea), link)
        self.assertContains(self.client.get(self.idea.url), f'href="{link}"')


class IdeaPrintTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_idea_index(make_home())
        sport = make_theme("Sport")
        cls.idea = make_idea(cls.index, "Voetbal", [sport])
        make_idea(cls.index, "Hockey", [sport])
        make_idea(cls.index, "Toneel", [make_theme("Cultuur")])

    def assert_printable(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<ol><li>Zet koffie</li><li>Bel aan bij de buren</li></ol>")
        self.assertNotContains(response, "<nav")
        self.assertNotContains(response, "main-nav")
        self.assertNotContains(response, "site-footer")
        self.assertContains(response, "css/print.css")

    def test_one_idea_prints_its_steps_without_navigation(self):
        response = self.client.get(self.idea.url + "print/")
        self.assert_printable(response)
        self.assertContains(response, "<h1>Voetbal</h1>", html=True)

    def test_the_idea_page_links_to_its_print_view(self):
        self.assertContains(self.client.get(self.idea.url), f'href="{self.idea.url}print/"')

    def test_a_whole_theme_prints_as_one_document(self):
        response = self.client.get(self.index.url + "print/sport/")
        self.assert_printable(response)
        self.assertContains(response, "Voetbal")
        self.assertContains(response, "Hockey")
        self.assertNotContains(response, "Toneel")

    def test_unknown_theme_is_not_found(self):
        self.assertEqual(self.client.get(self.index.url + "print/bestaat-niet/").status_code, 404)


def demo_snapshot():
    return {
        "ideas": list(IdeaPage.objects.order_by("path").values_list("slug", "live")),
        "themes": list(Theme.objects.values_list("slug", flat=True)),
        "organisers": list(Organiser.objects.values_list("slug", flat=True)),
        "pinned": PinnedRelatedIdea.objects.count(),
        "documents": get_document_model().objects.count(),
    }


class IdeaDemoContentTest(DemoSiteTestCase):
    def test_loading_twice_changes_nothing_in_the_toolkit(self):
        first = demo_snapshot()
        call_command("load_demo_content", stdout=open(os.devnull, "w"))
        self.assertEqual(demo_snapshot(), first)

    def test_at_least_twenty_ideas_spread_over_themes_and_organisers(self):
        index = IdeaIndexPage.objects.get(slug="ideeen")
        self.assertTrue(index.show_in_menus)
        self.assertIsInstance(index.get_parent().specific, HomePage)
        ideas = IdeaPage.objects.child_of(index).live()
        self.assertGreaterEqual(ideas.count(), 20)
        for idea in ideas:
            with self.subTest(idea=idea.slug):
                self.assertTrue(idea.themes.exists())
                self.assertTrue(idea.organisers.exists())
                self.assertIn("steps", [block.block_type for block in idea.body])
        self.assertEqual(ideas.values("themes").distinct().count(), 5)
