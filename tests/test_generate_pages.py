"""generate_pages: benchmark volume made by copying the live pages of one type."""

import io

from django.core.management import CommandError, call_command
from django.test import TestCase

from ideas.models import IdeaPage
from tests.factories import make_home
from tests.factories_ideas import make_idea, make_idea_index, make_theme


class GeneratePagesTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_idea_index(make_home())
        cls.theme = make_theme("Sport")
        make_idea(cls.index, "Samen wandelen", themes=[cls.theme])
        make_idea(cls.index, "Soep koken")

    def generate(self, *args):
        call_command("generate_pages", *args, stdout=io.StringIO())

    def test_adds_live_numbered_copies_with_their_themes(self):
        self.generate("ideas.IdeaPage", "4")
        copies = IdeaPage.objects.live().filter(slug__startswith="gegenereerd-").order_by("slug")
        self.assertEqual([page.slug for page in copies], [f"gegenereerd-{n}" for n in range(1, 5)])
        walks = copies.filter(title__startswith="Samen wandelen")
        self.assertEqual(walks.count(), 2)
        self.assertEqual([list(page.themes.all()) for page in walks], [[self.theme]] * 2)
        self.assertEqual(self.client.get(copies[0].url).status_code, 200)

    def test_runs_add_up_without_slug_clashes(self):
        self.generate("ideas.IdeaPage", "2")
        self.generate("ideas.IdeaPage", "2")
        self.assertEqual(IdeaPage.objects.filter(slug="gegenereerd-4").count(), 1)
        self.assertEqual(IdeaPage.objects.count(), 6)

    def test_unknown_type_is_a_clear_error(self):
        with self.assertRaisesMessage(CommandError, "Unknown page type"):
            self.generate("ideas.Nothing", "2")
