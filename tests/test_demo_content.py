from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from activities.models import ActivityPage
from core.provinces import Province
from editions.models import EditionPage, Partner
from stories.models import Story
from teams.models import TeamPage
from tests.demo import DemoSiteTestCase


def snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "partners": Partner.objects.count(),
        "stories": Story.objects.count(),
        "sites": list(Site.objects.values_list("root_page_id", flat=True)),
    }


class DemoContentTest(DemoSiteTestCase):
    def test_loads_the_real_editions(self):
        editions = {e.year: e for e in EditionPage.objects.live()}
        self.assertEqual(sorted(editions), [2023, 2024, 2025, 2026])
        self.assertEqual(str(editions[2023].start_date), "2023-12-11")
        self.assertEqual(str(editions[2023].end_date), "2023-12-16")
        self.assertEqual(str(editions[2025].start_date), "2025-12-08")
        self.assertEqual(str(editions[2025].end_date), "2025-12-12")
        self.assertEqual(editions[2025].hashtag, "#WeekvandeVerbinding2025")
        self.assertTrue(editions[2025].partner_links.exists())

    def test_loads_teams_and_activities_across_the_country(self):
        teams = TeamPage.objects.live()
        self.assertGreaterEqual(teams.count(), 10)
        self.assertGreaterEqual(len(set(teams.values_list("kind", flat=True))), 6)
        activities = ActivityPage.objects.live()
        self.assertGreaterEqual(activities.count(), 60)
        self.assertEqual(set(activities.values_list("province", flat=True)), set(Province.values))
        dutch_editions = EditionPage.objects.live().filter(locale=Locale.get_default())
        public = ActivityPage.objects.public_of_edition
        per_year = {e.year: public(e).count() for e in dutch_editions}
        self.assertTrue(all(per_year.values()))
        self.assertGreater(per_year[2025] + per_year[2026], 3 * (per_year[2023] + per_year[2024]))
        self.assertTrue(activities.filter(team__isnull=False).exists())

    def test_running_twice_changes_nothing(self):
        first = snapshot()
        call_command("load_demo_content", stdout=open("/dev/null", "w"))
        self.assertEqual(snapshot(), first)

    def test_every_demo_page_answers(self):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            with self.subTest(page=page.url_path):
                self.assertEqual(self.client.get(page.url).status_code, 200)
