"""devtools: the bulk page insertion, the timing helper and the demo data files."""

import tomllib

from django.test import SimpleTestCase, TestCase
from wagtail.models import Page

from activities.models import ActivityPage
from devtools.bulk import bulk_add_live_children
from devtools.demo.loader import DATA, Demo, texts
from devtools.timing import Timings, percentile
from editions.models import EditionPage
from tests.factories import (
    activity_fields,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
)


class BulkInsertTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2026)
        make_activity(cls.edition, "Al aanwezig")

    def pages(self, *titles):
        return [ActivityPage(**activity_fields(title, self.edition)) for title in titles]

    def test_pages_follow_the_last_child_even_from_a_stale_parent(self):
        stale = EditionPage.objects.get(pk=self.edition.pk)
        bulk_add_live_children(self.edition, self.pages("Een", "Twee"))
        bulk_add_live_children(stale, self.pages("Drie"))
        children = ActivityPage.objects.child_of(self.edition).order_by("path")
        self.assertEqual([page.title for page in children], ["Al aanwezig", "Een", "Twee", "Drie"])
        self.assertTrue(all(page.live for page in children))
        self.assertEqual(EditionPage.objects.get(pk=self.edition.pk).numchild, 4)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))
        self.assertEqual(self.client.get(children.last().url).status_code, 200)

    def test_one_page_type_at_a_time(self):
        mixed = [*self.pages("Een"), EditionPage(title="Editie", slug="editie", year=2030)]
        with self.assertRaises(TypeError):
            bulk_add_live_children(self.edition, mixed)


class TimingTest(SimpleTestCase):
    def test_percentiles_interpolate_between_the_nearest_values(self):
        values = list(range(1, 101))
        self.assertEqual(percentile(values, 50), 50.5)
        self.assertAlmostEqual(percentile(values, 95), 95.05)
        self.assertEqual(percentile([7.0], 95), 7.0)

    def test_timings_collect_one_value_per_run(self):
        timings = Timings()
        for _ in range(3):
            with timings.run():
                pass
        self.assertEqual(len(timings.values), 3)
        self.assertRegex(timings.summary(), r"^p50 \d+\.\d ms, p95 \d+\.\d ms, max \d+\.\d ms$")


class DemoDataTest(SimpleTestCase):
    def test_texts_are_split_as_wagtail_localize_translates_them(self):
        self.assertEqual(texts("<ul><li>Een</li><li>Twee</li></ul>"), ["Een", "Twee"])
        self.assertEqual(texts("Gewoon tekst"), ["Gewoon tekst"])

    def test_english_is_kept_text_by_text_and_left_out_of_the_fields(self):
        demo = Demo()
        entry = {
            "slug": "a",
            "steps": ["Een", "Twee"],
            "steps_en": ["One", "Two"],
            "rules": "<p>Regel</p>",
            "rules_en": "<p>Rule</p>",
        }
        fields = demo.dutch(entry)
        self.assertEqual(fields, {"slug": "a", "steps": ["Een", "Twee"], "rules": "<p>Regel</p>"})
        self.assertEqual(demo.english, {"Een": "One", "Twee": "Two", "Regel": "Rule"})

    def test_two_english_texts_for_one_dutch_text_are_refused(self):
        demo = Demo()
        demo.dutch({"title": "Sport", "title_en": "Sport"})
        with self.assertRaisesMessage(ValueError, "Two English texts for 'Sport'"):
            demo.dutch({"name": "Sport", "name_en": "Sports"})

    def test_english_with_other_blocks_than_the_dutch_is_refused(self):
        with self.assertRaises(ValueError):
            Demo().dutch({"rules": "<p>Een</p><p>Twee</p>", "rules_en": "<p>One and two</p>"})

    def test_every_english_text_stands_next_to_its_dutch_text(self):
        files = sorted(DATA.glob("*.toml"))
        self.assertGreater(len(files), 5)
        for path in files:
            with self.subTest(path.name):
                for entry in tables(tomllib.loads(path.read_text(encoding="utf-8"))):
                    orphans = [k for k in entry if k.endswith("_en") and k[:-3] not in entry]
                    self.assertEqual(orphans, [])


def tables(value):
    """Every table in a parsed TOML document, nested ones too."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from tables(item)
    elif isinstance(value, list):
        for item in value:
            yield from tables(item)
