"""Links in emails and .ics files use the site's configured address, not http://localhost/."""

import pytest
from django.core import mail
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase, TestCase, override_settings
from icalendar import Calendar
from wagtail.models import Site

from core.checks import base_url_is_an_address, base_url_is_served_over_https_by_this_site
from core.sites import parse_base_url, update_default_site
from tests.factories import make_activity, make_edition, make_edition_index, make_home
from tests.test_security import production_env, run_python

ADDRESS = "https://www.weekvandeverbinding.example"


@override_settings(WAGTAILADMIN_BASE_URL=ADDRESS)
class SiteAddressTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        # make_home creates the Site with hostname "localhost", as Wagtail's migration does
        cls.home = make_home()
        cls.edition = make_edition(make_edition_index(cls.home), 2026)
        cls.activity = make_activity(cls.edition)

    def test_the_default_site_takes_hostname_and_port_from_the_configuration(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), ("www.weekvandeverbinding.example", 443))
        self.assertEqual(site.root_url, ADDRESS)

    def test_an_address_changed_in_the_database_is_put_back_after_migrate(self):
        Site.objects.update(hostname="localhost", port=80)
        update_default_site()
        self.assertEqual(Site.objects.get().hostname, "www.weekvandeverbinding.example")

    def test_the_ics_file_of_an_activity_links_to_the_real_address(self):
        response = self.client.get(self.activity.url + "ics/")
        event = Calendar.from_ical(response.content).walk("VEVENT")[0]
        self.assertEqual(str(event["url"]), f"{ADDRESS}{self.activity.url}")
        self.assertNotIn("localhost", response.content.decode())

    def test_the_overview_calendar_links_to_the_real_address(self):
        response = self.client.get(self.edition.url + "activiteiten/ics/")
        self.assertIn(
            f"{ADDRESS}{self.activity.url}", response.content.decode().replace("\r\n ", "")
        )

    def test_the_approval_email_of_a_submission_links_to_the_real_address(self):
        from submissions.models import SubmitterContact
        from submissions.notifications import tell_page_approved
        from tests.jobs import jobs_run_after

        contact = SubmitterContact.objects.create(
            page=self.activity, name="Anna", email="anna@example.org", language="nl"
        )
        with jobs_run_after():
            tell_page_approved(contact)
        self.assertIn(f"{ADDRESS}{self.activity.url}", mail.outbox[0].body)


class BaseUrlCheckTest(SimpleTestCase):
    def test_an_address_without_scheme_or_with_a_path_is_refused(self):
        for url in ("", "weekvandeverbinding.nl", "ftp://example.org", "https://example.org/nl/"):
            with self.subTest(url=url), self.assertRaises(ImproperlyConfigured):
                parse_base_url(url)
        self.assertEqual(parse_base_url("http://127.0.0.1:8000/"), ("http", "127.0.0.1", 8000))

    @override_settings(WAGTAILADMIN_BASE_URL="localhost")
    def test_the_system_check_reports_a_broken_address(self):
        self.assertEqual([e.id for e in base_url_is_an_address(None)], ["core.E001"])

    @override_settings(WAGTAILADMIN_BASE_URL="http://other.example", ALLOWED_HOSTS=["example.org"])
    def test_the_deploy_check_wants_an_allowed_host_over_https(self):
        problems = base_url_is_served_over_https_by_this_site(None)
        self.assertEqual([p.id for p in problems], ["core.E002", "core.W001"])
        self.assertIsInstance(problems[0], Error)

    @override_settings(WAGTAILADMIN_BASE_URL="https://example.org", ALLOWED_HOSTS=["example.org"])
    def test_the_deploy_check_accepts_an_allowed_https_address(self):
        self.assertEqual(base_url_is_served_over_https_by_this_site(None), [])


@pytest.mark.slow
class ProductionRefusesToStartWithoutAnAddressTest(SimpleTestCase):
    def test_refuses_to_start_without_the_address(self):
        for url in (None, "", "localhost"):
            with self.subTest(url=url):
                result = run_python(
                    ["-c", "import django; django.setup()"],
                    production_env(WAGTAILADMIN_BASE_URL=url),
                )
                self.assertNotEqual(result.returncode, 0)
                self.assertIn("WAGTAILADMIN_BASE_URL", result.stderr)
