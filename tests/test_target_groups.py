"""Who something is meant for: one list (core/target_groups.py) for activities and ideas."""

import re

from django.test import TestCase

from core.target_groups import TargetGroup
from tests.factories import make_edition, make_edition_index, make_home
from tests.factories_ideas import make_idea, make_idea_index
from tests.test_public_forms import YEAR, url


def options(content, name):
    select = re.search(rf'<select name="{name}".*?</select>', content, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


class TargetGroupTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.edition = make_edition(make_edition_index(home), YEAR)
        cls.ideas = make_idea_index(home)
        cls.idea = make_idea(cls.ideas, "Buurtsoep", target_group=TargetGroup.NEIGHBOURS)

    def test_the_activity_filter_names_everyone_once(self):
        content = self.client.get(f"{self.edition.url}activiteiten/").content.decode()
        labels = options(content, "target_group")
        self.assertEqual(labels.count("Iedereen"), 1)
        self.assertEqual(labels[0], "Alle doelgroepen")

    def test_ideas_and_activities_offer_the_same_target_groups(self):
        activities = self.client.get(f"{self.edition.url}activiteiten/").content.decode()
        ideas = self.client.get(self.ideas.url).content.decode()
        for_activities = options(activities, "target_group")
        self.assertEqual(for_activities[1:], options(ideas, "target_group")[1:])

    def test_an_activity_from_an_idea_starts_with_the_idea_target_group(self):
        response = self.client.get(url("activities:register"), {"idea": self.idea.pk})
        self.assertContains(response, '<option value="neighbours" selected>', html=False)
