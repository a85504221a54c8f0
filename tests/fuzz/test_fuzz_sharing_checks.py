"""The checks of the sharing formats (tests/fuzz/properties.py) pass on what the site makes
and fail on broken files and on share files of pages that are not public."""

from django.http import HttpResponse
from django.test import TestCase

from . import properties
from .endpoints import share_versions
from .requests import Request
from .world import build_world


class SharingChecks(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        cls.versions = share_versions(cls.world)

    def findings_of(self, path, response=None):
        request = Request("GET", path)
        response = response if response is not None else request.send(self.client)
        findings = properties.Findings()
        properties.check_response(request, response, findings)
        return response, findings

    def share_path(self, role, name):
        page_id = str(self.world.pages[role].pk)
        return f"/share-images/{page_id}/{name}-{self.versions[page_id]}"

    def test_the_site_files_pass(self):
        for path in (
            self.share_path("activity_live_nl", "square") + ".png",
            self.share_path("activity_live_nl", "poster") + ".pdf",
            "/sitemap.xml",
            "/manifest.webmanifest",
            "/nl/feeds/ideas/",
            self.world.path("edition_current_nl") + "activiteiten/feed/",
        ):
            response, findings = self.findings_of(path)
            self.assertEqual(response.status_code, 200, path)
            self.assertFalse(findings, findings.report())

    def test_broken_files_fail(self):
        for content_type in ("image/png", "application/pdf", "application/atom+xml"):
            with self.subTest(content_type):
                broken = HttpResponse(b"<feed><not closed", content_type=content_type)
                _response, findings = self.findings_of("/x/", broken)
                self.assertEqual([check for check, _ in findings.items], ["format"])

    def test_a_share_file_of_a_hidden_page_fails(self):
        for role in ("activity_draft_nl", "activity_private_nl", "edition_private_nl"):
            with self.subTest(role):
                path = self.share_path(role, "square") + ".png"
                response, findings = self.findings_of(path)
                self.assertEqual(response.status_code, 404)  # the site refuses it
                _response, findings = self.findings_of(path, HttpResponse(status=200))
                self.assertIn("private_content", [check for check, _ in findings.items])
