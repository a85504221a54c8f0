"""Sharing and being found (sharing/): head tags, share links, share images, JSON-LD, sitemap,
robots.txt, icons and manifest."""

import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import quote
from xml.etree import ElementTree

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import override_settings
from PIL import Image
from wagtail.models import Locale, Page

from activities.models import ActivityPage
from core.visibility import public_pages
from editions.models import EditionPage
from home.models import HomePage
from ideas.models import IdeaPage
from tests.demo import DemoSiteTestCase

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class Head(HTMLParser):
    """The meta and link tags and the JSON-LD documents of a page."""

    def __init__(self, html):
        super().__init__()
        self.meta, self.links, self.json_ld, self.scripts = [], [], [], []
        self._in_json = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta.append(attrs)
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self._in_json = attrs.get("type") == "application/ld+json"
            if attrs.get("src"):
                self.scripts.append(attrs["src"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json = False

    def handle_data(self, data):
        if self._in_json and data.strip():
            self.json_ld.append(json.loads(data))

    def values(self, key, name):
        return [m.get("content") for m in self.meta if m.get(key) == name]

    def value(self, key, name):
        found = self.values(key, name)
        assert len(found) == 1, f"{key}={name}: {found}"
        return found[0]

    def link(self, rel):
        return [link for link in self.links if link.get("rel") == rel]

    def of_type(self, schema_type):
        return [document for document in self.json_ld if document.get("@type") == schema_type]


def full(page):
    return "http://testserver" + page.url


def public_of(model, language):
    return public_pages(model.objects.filter(locale__language_code=language))


def translated(model):
    """A public Dutch page of this type and its public English translation."""
    english = public_of(model, "en")
    for page in public_of(model, "nl"):
        translation = english.filter(translation_key=page.translation_key).first()
        if translation is not None:
            return page, translation
    # None yet (the demo has no English activities): translate one whose parent is translated.
    english_locale = Locale.objects.get(language_code="en")
    for page in public_of(model, "nl"):
        if page.get_parent().get_translations().filter(locale=english_locale).exists():
            translation = page.copy_for_translation(english_locale)
            translation.save_revision().publish()
            return page, model.objects.get(pk=translation.pk)
    raise AssertionError(f"no {model.__name__} to translate in the demo content")


class HeadTagsTest(DemoSiteTestCase):
    def head(self, page):
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200, page.url)
        return Head(response.content.decode())

    def test_every_public_page_in_both_languages_has_description_canonical_and_cards(self):
        pages = public_pages(Page.objects.filter(depth__gte=2)).specific()
        languages = set()
        for page in pages:
            head = self.head(page)
            languages.add(page.locale.language_code)
            description = head.value("name", "description")
            self.assertTrue(description and len(description) <= 160, page.url)
            canonical = head.link("canonical")
            self.assertEqual([link["href"] for link in canonical], [full(page)], page.url)
            self.assertEqual(head.value("property", "og:url"), full(page))
            self.assertEqual(head.value("property", "og:title"), page.seo_title or page.title)
            self.assertEqual(head.value("property", "og:description"), description)
            self.assertEqual(head.value("name", "twitter:card"), "summary_large_image")
            self.assertTrue(head.value("property", "og:image").startswith("http://testserver/"))
            self.assertEqual(head.value("property", "og:image:width"), "1200")
            self.assertEqual(head.value("property", "og:image:height"), "630")
            expected_locale = {"nl": "nl_NL", "en": "en_GB"}[page.locale.language_code]
            self.assertEqual(head.value("property", "og:locale"), expected_locale)
            self.assertEqual(len(head.link("manifest")), 1)
            self.assertEqual(len(head.link("apple-touch-icon")), 1)
            self.assertEqual(len(head.link("icon")), 2)
            self.assertEqual(head.value("name", "theme-color"), "#0b4f8a")
        self.assertEqual(languages, {"nl", "en"})

    def test_description_is_the_search_description_else_the_introduction(self):
        idea = public_of(IdeaPage, "nl").first()
        idea.search_description, idea.introduction = "", "Een korte\nintroductie."
        idea.save_revision().publish()
        self.assertEqual(self.head(idea).value("name", "description"), "Een korte introductie.")
        idea.search_description = "Wat zoekmachines tonen."
        idea.save_revision().publish()
        self.assertEqual(self.head(idea).value("name", "description"), "Wat zoekmachines tonen.")

    def test_og_locale_alternates_name_the_translations(self):
        activity, english = translated(ActivityPage)
        self.assertEqual(self.head(activity).values("property", "og:locale:alternate"), ["en_GB"])
        self.assertEqual(self.head(english).values("property", "og:locale:alternate"), ["nl_NL"])

    def test_canonical_of_a_filtered_overview_leaves_out_the_filters(self):
        edition = public_of(EditionPage, "nl").first()
        url = edition.url + "activiteiten/"
        head = Head(self.client.get(url + "?province=utrecht&page=1").content.decode())
        self.assertEqual(head.link("canonical")[0]["href"], "http://testserver" + url)

    def test_share_links_load_nothing_from_other_sites(self):
        _dutch, activity = translated(ActivityPage)
        html = self.client.get(activity.url).content.decode()
        section = html[html.index('class="share') :]
        for site in ("wa.me/?text=", "linkedin.com/sharing", "facebook.com/sharer", "x.com/intent"):
            self.assertIn(site, section)
        self.assertIn("mailto:?subject=", section)
        self.assertIn("url=" + quote(full(activity), safe=""), section)
        head = Head(html)
        for tag in head.links + [{"href": src} for src in head.scripts]:
            href = tag.get("href", "")
            self.assertFalse(
                href.startswith(("http:", "https:", "//")) and "testserver" not in href
            )
        self.assertEqual(
            [src for src in head.scripts if "share" in src], ["/static/sharing/share.js"]
        )
        # the strict policy is unchanged: nothing inline, nothing from elsewhere
        policy = self.client.get(activity.url)["Content-Security-Policy"]
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe-inline", policy)


class StructuredDataTest(DemoSiteTestCase):
    # Google's event guidelines: required, then recommended properties.
    REQUIRED = ("name", "startDate", "location")
    RECOMMENDED = (
        "description",
        "endDate",
        "eventAttendanceMode",
        "eventStatus",
        "image",
        "offers",
        "organizer",
    )

    def documents(self, page):
        return Head(self.client.get(page.url).content.decode())

    def test_every_activity_has_an_event_with_googles_properties(self):
        activities = public_pages(ActivityPage.objects.all())
        self.assertGreater(activities.count(), 3)
        for activity in activities:
            [event] = self.documents(activity).of_type("Event")
            for name in self.REQUIRED + self.RECOMMENDED:
                self.assertTrue(event.get(name), f"{activity.url}: {name}")
            self.assertEqual(event["@context"], "https://schema.org/")
            self.assertEqual(event["startDate"], activity.local_start.isoformat())
            self.assertRegex(event["startDate"], r"T\d\d:\d\d:\d\d\+0[12]:00$")
            self.assertEqual(event["endDate"], activity.local_end.isoformat())
            self.assertEqual(event["eventStatus"], "https://schema.org/EventScheduled")
            self.assertEqual(event["isAccessibleForFree"], activity.cost == "free")
            self.assertEqual(event["offers"]["priceCurrency"], "EUR")
            self.assertIn("price", event["offers"])
            self.assertTrue(event["organizer"]["name"])
            self.assertTrue(event["image"][0].startswith("http://testserver/"))
            location = event["location"]
            if activity.is_online:
                self.assertEqual(location["@type"], "VirtualLocation")
                self.assertTrue(location["url"].startswith("http"))
                self.assertTrue(event["eventAttendanceMode"].endswith("OnlineEventAttendanceMode"))
            else:
                self.assertEqual(location["@type"], "Place")
                address = location["address"]
                self.assertEqual(address["@type"], "PostalAddress")
                self.assertEqual(address["postalCode"], activity.postcode)
                self.assertEqual(address["addressLocality"], activity.city)
                self.assertEqual(address["streetAddress"], activity.street_address)
                self.assertEqual(address["addressCountry"], "NL")
                self.assertTrue(event["eventAttendanceMode"].endswith("OfflineEventAttendanceMode"))

    def test_a_cancelled_activity_says_so(self):
        activity = public_of(ActivityPage, "nl").first()
        # Cancelling is the organiser's (signups app), kept on the live row, not in a revision.
        ActivityPage.objects.filter(pk=activity.pk).update(cancelled=True)
        response = self.client.get(activity.url)
        self.assertContains(response, "geannuleerd")
        [event] = Head(response.content.decode()).of_type("Event")
        self.assertEqual(event["eventStatus"], "https://schema.org/EventCancelled")

    def test_places_left_of_an_activity_taking_sign_ups(self):
        activity = public_of(ActivityPage, "nl").first()
        ActivityPage.objects.filter(pk=activity.pk).update(signup_on_site=True, capacity=12)
        [event] = self.documents(activity).of_type("Event")
        self.assertEqual(event["remainingAttendeeCapacity"], 12)
        ActivityPage.objects.filter(pk=activity.pk).update(places_left=3)
        [event] = self.documents(activity).of_type("Event")
        self.assertEqual(
            (event["maximumAttendeeCapacity"], event["remainingAttendeeCapacity"]), (12, 3)
        )

    def test_a_paid_activity_offers_its_price(self):
        activity = public_of(ActivityPage, "nl").first()
        activity.cost, activity.price = "paid", "€ 7,50 inclusief koffie"
        activity.save_revision().publish()
        [event] = self.documents(activity).of_type("Event")
        self.assertIs(event["isAccessibleForFree"], False)
        self.assertEqual(event["offers"]["price"], "7.50")

    def test_breadcrumbs_on_every_page_and_the_organisation_on_the_home_page(self):
        for page in public_pages(Page.objects.filter(depth__gte=2)).specific():
            [trail] = self.documents(page).of_type("BreadcrumbList")
            items = trail["itemListElement"]
            self.assertEqual([item["position"] for item in items], list(range(1, len(items) + 1)))
            self.assertEqual(items[-1]["item"], full(page))
            self.assertEqual(len(items), page.depth - 1, page.url)
        for home in public_pages(HomePage.objects.all()):
            [organisation] = self.documents(home).of_type("Organization")
            self.assertEqual(organisation["url"], full(home))
            self.assertTrue(organisation["logo"].endswith(".png"))

    def test_text_of_a_page_cannot_end_the_script_element(self):
        activity = public_of(ActivityPage, "nl").first()
        activity.title = "</script><script>alert(1)</script>"
        activity.save_revision().publish()
        html = self.client.get(activity.url).content.decode()
        self.assertNotIn("</script><script>alert", html)
        [event] = Head(html).of_type("Event")
        self.assertEqual(event["name"], activity.title)


class SitemapAndRobotsTest(DemoSiteTestCase):
    def test_sitemap_lists_every_public_page_in_both_languages_with_alternates(self):
        activity, english = translated(ActivityPage)
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        tree = ElementTree.fromstring(response.content)
        entries = {
            url.find(f"{SITEMAP}loc").text: {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            }
            for url in tree.findall(f"{SITEMAP}url")
        }
        public = public_pages(Page.objects.filter(depth__gte=2))
        for page in public:
            self.assertIn(full(page), entries)
        self.assertEqual(
            entries[full(activity)],
            {"nl": full(activity), "en": full(english), "x-default": full(activity)},
        )
        self.assertEqual(entries[full(english)]["nl"], full(activity))
        edition = public_of(EditionPage, "nl").first()
        self.assertIn(full(edition) + "activiteiten/", entries)

    def test_sitemap_leaves_out_drafts_and_restricted_pages(self):
        from wagtail.models import PageViewRestriction

        activities = list(public_of(ActivityPage, "nl")[:2])
        activities[0].unpublish()
        PageViewRestriction.objects.create(page=activities[1], restriction_type="login")
        content = self.client.get("/sitemap.xml").content.decode()
        for activity in activities:
            self.assertNotIn(f"<loc>{full(activity)}</loc>", content)
            self.assertNotIn(f'href="{full(activity)}"', content)

    @override_settings(PAGE_CACHE_ENABLED=True)
    def test_sitemap_is_cached_until_content_changes(self):
        activity = public_of(ActivityPage, "nl").first()
        self.assertEqual(self.client.get("/sitemap.xml")["X-Page-Cache"], "miss")
        cached = self.client.get("/sitemap.xml?utm_source=x")
        self.assertEqual(cached["X-Page-Cache"], "hit")
        self.assertIn(f"<loc>{full(activity)}</loc>", cached.content.decode())
        activity.unpublish()
        fresh = self.client.get("/sitemap.xml")
        self.assertEqual(fresh["X-Page-Cache"], "miss")
        self.assertNotIn(f"<loc>{full(activity)}</loc>", fresh.content.decode())

    def test_robots_points_to_the_sitemap_and_keeps_crawlers_out(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        for rule in ("/admin/", "/nl/search/", "/en/search/", "/*?"):
            self.assertIn(f"Disallow: {rule}", lines)
        self.assertIn("Allow: /*?page=", lines)


class ShareImageTest(DemoSiteTestCase):
    def image_url(self, page):
        head = Head(self.client.get(page.url).content.decode())
        return head.value("property", "og:image").removeprefix("http://testserver")

    def fetch(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response, b"".join(response.streaming_content)

    def test_made_image_is_a_1200_by_630_png_kept_until_the_page_changes(self):
        activity = public_of(ActivityPage, "nl").first()
        url = self.image_url(activity)
        response, content = self.fetch(url)
        self.assertEqual(response["Content-Type"], "image/png")
        self.assertIn("immutable", response["Cache-Control"])
        image = Image.open(io.BytesIO(content))
        self.assertEqual((image.format, image.size), ("PNG", (1200, 630)))
        self.assertEqual(self.fetch(url)[1], content)  # drawn once

        activity.title = "Een heel andere titel"
        activity.save_revision().publish()
        new_url = self.image_url(activity)
        self.assertNotEqual(new_url, url)
        self.assertNotEqual(self.fetch(new_url)[1], content)
        self.assertRedirects(self.client.get(url), new_url, fetch_redirect_response=False)

    def test_editors_image_is_used_cut_to_1200_by_630(self):
        from wagtail.images.models import Image as WagtailImage
        from wagtail.images.tests.utils import get_test_image_file

        picture = WagtailImage.objects.create(
            title="Foto", file=get_test_image_file(size=(2000, 1500))
        )
        idea = public_of(IdeaPage, "nl").first()
        idea.share_image = picture
        idea.save_revision().publish()
        url = self.image_url(idea)
        self.assertIn("/media/images/", url)
        self.assertTrue(url.endswith(".jpg"))
        head = Head(self.client.get(idea.url).content.decode())
        self.assertEqual(head.value("property", "og:image:type"), "image/jpeg")
        with open(
            picture.get_rendition("fill-1200x630|format-jpeg|jpegquality-85").file.path, "rb"
        ) as file:
            self.assertEqual(Image.open(file).size, (1200, 630))

    def test_no_image_of_a_page_visitors_may_not_see(self):
        activity = public_of(ActivityPage, "nl").first()
        url = self.image_url(activity)
        activity.unpublish()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.get("/share-images/999999/landscape-x.png").status_code, 404)


class IconsTest(DemoSiteTestCase):
    def test_manifest_icons_and_favicon(self):
        manifest = self.client.get("/manifest.webmanifest")
        self.assertEqual(manifest["Content-Type"], "application/manifest+json")
        data = manifest.json()
        self.assertEqual(data["theme_color"], "#0b4f8a")
        sizes = {icon["sizes"] for icon in data["icons"]}
        self.assertTrue({"192x192", "512x512"} <= sizes)
        for icon in data["icons"]:
            path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
            self.assertIsNotNone(path, icon["src"])
            if icon["type"] == "image/png":
                size = int(icon["sizes"].split("x")[0])
                self.assertEqual(Image.open(path).size, (size, size))
        favicon = self.client.get("/favicon.ico")
        self.assertEqual(favicon.status_code, 301)
        self.assertTrue(re.search(r"^/static/sharing/favicon\.ico$", favicon["Location"]))
        self.assertEqual(Image.open(finders.find("sharing/favicon.ico")).format, "ICO")
        apple = Image.open("sharing/static/sharing/apple-touch-icon.png")
        self.assertEqual((apple.size, apple.mode), ((180, 180), "RGB"))


@override_settings(PAGE_CACHE_ENABLED=False)
class NonPageViewsTest(DemoSiteTestCase):
    def test_search_page_has_a_description_and_no_share_links(self):
        head = Head(self.client.get("/nl/search/").content.decode())
        self.assertTrue(head.value("name", "description"))
        self.assertEqual(head.of_type("BreadcrumbList"), [])


ATOM = "{http://www.w3.org/2005/Atom}"


class FeedsTest(DemoSiteTestCase):
    def entries(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
        feed = ElementTree.fromstring(response.content)
        return feed, [
            (entry.find(f"{ATOM}title").text, entry.find(f"{ATOM}link").get("href"))
            for entry in feed.findall(f"{ATOM}entry")
        ]

    def test_new_ideas_feed_per_language(self):
        for language in ("nl", "en"):
            _feed, entries = self.entries(f"/{language}/feeds/ideas/")
            expected = public_of(IdeaPage, language).order_by("-first_published_at")
            self.assertEqual(entries, [(idea.title, full(idea)) for idea in expected])
        draft = public_of(IdeaPage, "nl").first()
        draft.unpublish()
        _feed, entries = self.entries("/nl/feeds/ideas/")
        self.assertNotIn(full(draft), [link for _title, link in entries])
        index = Head(self.client.get(public_of(IdeaPage, "nl").first().url).content.decode())
        self.assertIn("/nl/feeds/ideas/", [link["href"] for link in index.link("alternate")])

    def test_edition_feed_applies_the_overview_filters(self):
        edition = public_of(EditionPage, "nl").order_by("-year").first()
        url = edition.url + "activiteiten/feed/"
        _feed, entries = self.entries(url)
        activities = public_pages(ActivityPage.objects.child_of(edition))
        self.assertEqual({link for _title, link in entries}, {full(a) for a in activities})
        online = activities.filter(is_online=True)
        self.assertTrue(0 < online.count() < activities.count())
        _feed, entries = self.entries(url + "?online=yes")
        self.assertEqual({link for _title, link in entries}, {full(a) for a in online})
        english = public_of(EditionPage, "en").get(translation_key=edition.translation_key)
        self.assertEqual(self.client.get(english.url + "activities/feed/").status_code, 200)
