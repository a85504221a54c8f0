"""The host kit (sharing/posters.py, sharing/kit.py) and the embeddable widget (sharing/widget.py):
posters that open, hold the address and a QR code of the page; share images in three sizes; the
kit page of an edition; the widget as the one address other sites may frame."""

import io
import re
from unittest import mock

import pypdf
import zxingcpp
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image

from activities.models import ActivityPage
from core.visibility import public_pages
from editions.models import EditionPage
from sharing.kit import KIT_ANCHOR
from signups import tokens
from signups.models import OrganiserAccess
from teams.models import TeamPage
from tests.demo import DemoSiteTestCase
from tests.factories import (
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
)
from tests.test_security import EXECUTABLE_INLINE_SCRIPT
from tests.test_sharing import full, public_of, translated


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


class HostKitTest(DemoSiteTestCase):
    def kit_links(self, page):
        html = self.client.get(page.url).content.decode()
        poster = re.search(r'href="(/share-images/\d+/poster-\w+\.pdf)"', html)
        images = re.findall(r'href="(/share-images/\d+/\w+-\w+\.png)\?download"', html)
        return poster.group(1), images

    def poster(self, page):
        poster_url, _images = self.kit_links(page)
        response = self.client.get(poster_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        return pypdf.PdfReader(io.BytesIO(body(response)))

    def qr_codes(self, reader):
        found = []
        for image in reader.pages[0].images:
            found += [code.text for code in zxingcpp.read_barcodes(image.image)]
        return found

    def test_activity_poster_is_one_a4_page_with_address_time_hashtag_and_qr_code(self):
        activity = public_of(ActivityPage, "nl").filter(is_online=False).first()
        reader = self.poster(activity)
        self.assertEqual(len(reader.pages), 1)
        box = reader.pages[0].mediabox
        self.assertEqual((round(float(box.width)), round(float(box.height))), (595, 842))  # A4
        text = " ".join(reader.pages[0].extract_text().split())
        for expected in (activity.street_address, activity.postcode, activity.city):
            self.assertIn(expected, text)
        self.assertIn(activity.local_start.strftime("%H:%M"), text)
        self.assertIn(activity.edition().hashtag, text)
        self.assertIn("Week van de Verbinding", text)
        self.assertEqual(self.qr_codes(reader), [full(activity)])

    def test_posters_in_both_languages(self):
        dutch, english = translated(ActivityPage)
        dutch_text = self.poster(dutch).pages[0].extract_text()
        english_reader = self.poster(english)
        english_text = english_reader.pages[0].extract_text()
        self.assertIn("WANNEER", dutch_text)
        self.assertIn("WHEN", english_text)
        self.assertEqual(self.qr_codes(english_reader), [full(english)])

    def test_share_images_in_three_sizes(self):
        _dutch, activity = translated(ActivityPage)
        _poster, images = self.kit_links(activity)
        sizes = set()
        for url in images:
            response = self.client.get(url + "?download")
            self.assertEqual(response["Content-Type"], "image/png")
            self.assertIn("attachment", response["Content-Disposition"])
            sizes.add(Image.open(io.BytesIO(body(response))).size)
        self.assertEqual(sizes, {(1080, 1080), (1080, 1920), (1200, 630)})

    def test_no_poster_for_a_page_that_is_not_an_activity_or_edition_or_not_public(self):
        activity = public_of(ActivityPage, "nl").first()
        poster_url, _images = self.kit_links(activity)
        activity.unpublish()
        self.assertEqual(self.client.get(poster_url).status_code, 404)
        team = public_pages(TeamPage.objects.all()).first()
        self.assertEqual(self.client.get(f"/share-images/{team.pk}/poster-x.pdf").status_code, 404)

    def test_edition_kit_page_has_poster_images_and_house_rules(self):
        edition, english = translated(EditionPage)
        self.assertTrue(edition.house_rules)
        response = self.client.get(edition.url + "promotiepakket/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        with translation.override("nl"):
            self.assertIn(f'<h2 id="kit-rules">{gettext("House rules")}</h2>', html)
        self.assertIn(f"/share-images/{edition.pk}/poster-", html)
        self.assertEqual(
            len(re.findall(rf"/share-images/{edition.pk}/\w+-\w+\.png\?download", html)), 3
        )
        reader = self.poster(edition)
        self.assertEqual(self.qr_codes(reader), [full(edition)])
        self.assertIn(edition.hashtag, reader.pages[0].extract_text())
        english_kit = self.client.get(english.url + "promotion-kit/")
        self.assertContains(english_kit, "<h1>Promotion kit</h1>")


@override_settings(PAGE_CACHE_ENABLED=True)
class WidgetTest(DemoSiteTestCase):
    def edition(self):
        return public_of(EditionPage, "nl").order_by("-year").first()

    def test_only_the_widget_may_be_framed_by_other_sites(self):
        edition = self.edition()
        url = edition.url + "activiteiten/embed/"
        for _attempt in ("miss", "hit"):  # the page cache answers with the same headers
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertNotIn("X-Frame-Options", response)
            self.assertIn("frame-ancestors *", response["Content-Security-Policy"])
            self.assertIn("script-src 'self'", response["Content-Security-Policy"])
        self.assertIsNone(EXECUTABLE_INLINE_SCRIPT.search(response.content.decode()))
        for other in (edition.url, edition.url + "activiteiten/", edition.url + "promotiepakket/"):
            response = self.client.get(other)
            self.assertEqual(response["X-Frame-Options"], "DENY")
            self.assertIn("frame-ancestors 'self'", response["Content-Security-Policy"])
            self.assertIsNone(EXECUTABLE_INLINE_SCRIPT.search(response.content.decode()))

    def test_widget_filters_on_province_and_team_and_links_to_the_full_site(self):
        edition = self.edition()
        url = edition.url + "activiteiten/embed/"
        activities = public_pages(ActivityPage.objects.child_of(edition))
        activity = activities.filter(is_online=False).first()
        html = self.client.get(f"{url}?province={activity.province}").content.decode()
        self.assertIn('<meta name="robots" content="noindex">', html)
        self.assertIn('<base target="_blank">', html)
        expected = activities.filter(province=activity.province)
        self.assertEqual(html.count('class="activity-item"'), min(expected.count(), 10))
        self.assertIn(f"activiteiten/?province={activity.province}", html)
        with_team = activities.filter(team__isnull=False).first()
        if with_team is not None:
            html = self.client.get(f"{url}?team={with_team.team_id}").content.decode()
            self.assertEqual(
                html.count('class="activity-item"'),
                min(activities.filter(team=with_team.team_id).count(), 10),
            )
        self.assertEqual(self.client.get(f"{url}?team=99999999999").status_code, 200)

    def test_a_full_widget_map_says_how_many_it_shows(self):
        url = self.edition().url + "activiteiten/embed/?view=map"
        with mock.patch("activities.overview.MAP_MARKER_LIMIT", 1):
            html = self.client.get(url).content.decode()
        self.assertIn("De kaart toont de eerste 1 activiteiten.", html)

    def test_kit_page_makes_the_embed_code(self):
        edition = self.edition()
        kit = edition.url + "promotiepakket/"
        html = self.client.get(kit + "?province=utrecht&map=on").content.decode()
        code = re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', html, re.S).group(1)
        self.assertIn("&lt;iframe src=&quot;http://testserver" + edition.url, code)
        self.assertIn("activiteiten/embed/?province=utrecht&amp;view=map", code)
        self.assertIn('<iframe class="kit__preview"', html)


class HostKitElsewhereTest(TestCase):
    """The poster and images of an activity on the organiser's private page, and the team
    page's link to them for each activity still to come."""

    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.index = make_edition_index(home)
        cls.edition = make_edition(cls.index, 2027)
        cls.team = make_team(make_team_index(home))
        cls.activity = make_activity(cls.edition, team=cls.team, signup_on_site=True, capacity=5)

    def organiser_page(self, activity):
        access = OrganiserAccess.objects.create(activity=activity)
        return self.client.get(reverse("signups:organiser", args=[tokens.organiser_token(access)]))

    def downloads_of(self, html, page):
        return re.findall(rf'href="(/share-images/{page.pk}/[\w-]+\.(?:pdf|png)[^"]*)"', html)

    def test_organiser_page_offers_the_poster_and_images_that_download(self):
        html = self.organiser_page(self.activity).content.decode()
        links = self.downloads_of(html, self.activity)
        self.assertEqual(len(links), 4)  # the poster and three sizes of image
        for link in links:
            self.assertEqual(self.client.get(link).status_code, 200, link)

    def test_organiser_page_of_an_activity_not_yet_on_the_site_says_when_they_come(self):
        draft = make_activity(self.edition, "Nog niet gepubliceerd", live=False)
        response = self.organiser_page(draft)
        self.assertEqual(self.downloads_of(response.content.decode(), draft), [])
        self.assertContains(response, "De poster en de afbeeldingen om te delen staan hier zodra")

    def test_organiser_page_of_a_cancelled_activity_offers_no_poster(self):
        ActivityPage.objects.filter(pk=self.activity.pk).update(cancelled=True)
        html = self.organiser_page(self.activity).content.decode()
        self.assertEqual(self.downloads_of(html, self.activity), [])

    def test_team_page_links_to_the_kit_of_its_coming_activities_only(self):
        past_edition = make_edition(self.index, timezone.now().year - 2)
        past = make_activity(past_edition, "Al geweest", team=self.team)
        html = self.client.get(self.team.url).content.decode()
        kit_link = f'href="{self.activity.url}#{KIT_ANCHOR}"'
        self.assertIn(kit_link, html)
        self.assertNotIn(f'href="{past.url}#{KIT_ANCHOR}"', html)
        self.assertIn(f'href="{past.url}"', html)  # still listed, without the kit
        activity_html = self.client.get(self.activity.url).content.decode()
        self.assertIn(f'id="{KIT_ANCHOR}"', activity_html)
        self.assertEqual(len(self.downloads_of(activity_html, self.activity)), 4)
