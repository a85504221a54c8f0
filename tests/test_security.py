"""Security: production settings, headers, CSP (public site and admin), login lockout, uploads,
document downloads."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from operations.environment import production_environment
from tests.factories import make_edition, make_edition_index, make_home
from tests.two_factor import log_in

BASE_DIR = Path(settings.BASE_DIR)

PRINT_PRODUCTION_HEADERS = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/health/", secure=True, headers={"host": "example.org"})
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "debug": settings.DEBUG,
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
}))
"""


def production_env(**extra):
    return production_environment(
        **{
            "DJANGO_ALLOWED_HOSTS": "example.org",
            "DJANGO_CSRF_TRUSTED_ORIGINS": "https://example.org",
            "WAGTAILADMIN_BASE_URL": "https://example.org",
            "DJANGO_CACHE_DIR": str(BASE_DIR / "cache" / "test-production"),
            **extra,
        }
    )


def run_python(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
class ProductionSettingsTest(TestCase):
    def test_refuses_to_start_without_a_secret_key(self):
        for key in (None, "", "too-short"):
            with self.subTest(key=key):
                result = run_python(
                    ["-c", "import django; django.setup()"], production_env(DJANGO_SECRET_KEY=key)
                )
                self.assertNotEqual(result.returncode, 0)
                self.assertIn("DJANGO_SECRET_KEY", result.stderr)

    def test_development_tools_are_not_installed(self):
        result = run_python(
            ["manage.py", "load_demo_content"], production_env(DJANGO_SECURE_SSL_REDIRECT="false")
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("Unknown command: 'load_demo_content'", result.stderr)

    def test_deploy_check_passes_without_warnings(self):
        result = run_python(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env()
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout + result.stderr)

    def test_headers_and_cookies_of_a_production_response(self):
        result = run_python(["-c", PRINT_PRODUCTION_HEADERS], production_env())
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout.strip().splitlines()[-1])
        headers = report["headers"]
        self.assertFalse(report["debug"])
        self.assertTrue(report["session_cookie_secure"])
        self.assertTrue(report["csrf_cookie_secure"])
        self.assertTrue(report["ssl_redirect"])
        self.assertIn("max-age=31536000", headers["Strict-Transport-Security"])
        self.assertIn("includeSubDomains", headers["Strict-Transport-Security"])
        self.assertEqual(headers["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        self.assertEqual(headers["X-Frame-Options"], "DENY")
        self.assertIn("script-src 'self'", headers["Content-Security-Policy"])
        self.assertNotIn("unsafe", headers["Content-Security-Policy"])

    def test_production_logs_are_json_lines(self):
        code = "import django, logging; django.setup(); logging.getLogger('wvdv').warning('hello')"
        result = run_python(["-c", code], production_env())
        line = json.loads(result.stdout.strip().splitlines()[-1])
        self.assertEqual(line["message"], "hello")
        self.assertEqual(line["level"], "WARNING")


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


# Data blocks (JSON, JSON-LD for search engines) are not run, so the policy does not apply to them.
EXECUTABLE_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"(application/json|application/ld\+json|text/template)\")"
    r"[^>]*>\s*\S"
)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE_OR_ELEMENT = re.compile(r"<style\b|<[^>]+\sstyle\s*=", re.IGNORECASE)


class ContentSecurityPolicyTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.edition = make_edition(make_edition_index(cls.home), 2026)
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")

    def assert_no_inline_script(self, response):
        html = response.content.decode()
        for pattern in (EXECUTABLE_INLINE_SCRIPT, INLINE_HANDLER):
            found = pattern.search(html)
            self.assertIsNone(found, found and html[found.start() : found.start() + 300])

    def test_public_pages_strict_policy_and_no_inline_script(self):
        for path in ("/nl/", "/nl/edities/", "/nl/edities/2026/", "/nl/search/?query=week"):
            with self.subTest(path=path):
                response = self.client.get(path)
                directives = csp_directives(response)
                self.assertEqual(directives["script-src"], ["'self'"])
                self.assertEqual(directives["style-src"], ["'self'"])
                self.assertEqual(directives["object-src"], ["'none'"])
                self.assert_no_inline_script(response)

    def test_admin_pages_load_their_scripts_under_the_policy(self):
        """Wagtail 7.4's admin writes inline scripts (date inputs, inline panels, choosers): the
        admin area allows them, from this site only; every script file comes from this site."""
        log_in(self.client, self.admin)
        paths = [
            "/admin/",
            f"/admin/pages/{self.home.pk}/",
            f"/admin/pages/{self.edition.pk}/edit/",
            f"/admin/pages/add/editions/editionpage/{self.edition.get_parent().pk}/",
            "/admin/images/",
            "/admin/documents/",
            "/admin/snippets/",
            "/admin/users/",
        ]
        for path in paths:
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                directives = csp_directives(response)
                self.assertEqual(directives["script-src"], ["'self'", "'unsafe-inline'"])
                self.assertEqual(directives["default-src"], ["'self'"])
                sources = re.findall(r'<script[^>]+src="([^"]+)"', response.content.decode())
                self.assertTrue(sources)
                for source in sources:
                    self.assertTrue(source.startswith(("/static/", "/admin/")), source)

    def test_admin_login_page_has_no_inline_script(self):
        response = self.client.get("/admin/login/")
        self.assertEqual(response.status_code, 200)
        self.assert_no_inline_script(response)

    def test_admin_exception_does_not_reach_public_paths_that_look_alike(self):
        response = self.client.get("/nl/admin/")
        self.assertNotIn("unsafe-inline", response["Content-Security-Policy"])


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
class LoginLockoutTest(TestCase):
    def setUp(self):
        get_user_model().objects.create_user("editor", "e@example.org", "right-password-1")

    def login(self, password, username="editor"):
        return self.client.post(
            "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7"
        )

    def test_correct_password_logs_in(self):
        response = self.login("right-password-1")
        self.assertEqual(response.status_code, 302)
        self.assertIn("_auth_user_id", self.client.session)

    def test_locked_after_repeated_failures_even_with_the_right_password(self):
        for _ in range(2):
            self.assertEqual(self.login("wrong").status_code, 200)
        self.assertEqual(self.login("wrong").status_code, 429)
        response = self.login("right-password-1")
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_failures_below_the_limit_do_not_lock(self):
        for _ in range(2):
            self.login("wrong")
        self.assertEqual(self.login("right-password-1").status_code, 302)


PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082"
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


class UploadTest(TestCase):
    def image_form(self, name, content):
        form_class = get_image_form(get_image_model())
        upload = SimpleUploadedFile(name, content)
        return form_class(data={"title": name}, files={"file": upload})

    def document_form(self, name, content):
        form_class = get_document_form(get_document_model())
        upload = SimpleUploadedFile(name, content)
        return form_class(data={"title": name}, files={"file": upload})

    def test_svg_images_refused_png_accepted(self):
        self.assertFalse(self.image_form("logo.svg", SVG).is_valid())
        self.assertTrue(self.image_form("dot.png", PNG_1PX).is_valid())

    def test_svg_and_html_documents_refused(self):
        for name in ("drawing.svg", "page.html", "script.js"):
            with self.subTest(name=name):
                self.assertFalse(self.document_form(name, SVG).is_valid())
        self.assertTrue(self.document_form("notes.txt", b"plain text").is_valid())

    def test_oversized_upload_refused(self):
        with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=10):
            self.assertFalse(self.document_form("notes.txt", b"x" * 11).is_valid())


class DocumentDownloadTest(TestCase):
    def test_documents_download_as_attachment_with_a_closed_policy(self):
        for name in ("agenda.pdf", "notes.txt"):
            with self.subTest(name=name):
                document = get_document_model().objects.create(
                    title=name, file=ContentFile(b"%PDF-1.4 test", name=name)
                )
                response = self.client.get(document.url)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response["Content-Disposition"].startswith("attachment"))
                self.assertEqual(response["Content-Security-Policy"], "default-src 'none'")
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")


class PasswordFormReturnTest(TestCase):
    """Found by the fuzzer (tests/fuzz): Wagtail's password forms raised NoReverseMatch (a server
    error) for a return address without a slash or a dot, taking it for a URL name."""

    @classmethod
    def setUpTestData(cls):
        from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

        cls.edition = make_edition(make_edition_index(make_home()), 2026)
        cls.page_restriction = PageViewRestriction.objects.create(
            page=cls.edition, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        collection = Collection.get_first_root_node().add_child(name="Besloten")
        cls.document_restriction = CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.PASSWORD,
            password="geheim",
        )

    def addresses(self):
        return {
            "page": f"/nl/_util/authenticate_with_password/"
            f"{self.page_restriction.pk}/{self.edition.pk}/",
            "document": f"/documents/authenticate_with_password/{self.document_restriction.pk}/",
        }

    def test_a_return_address_that_is_not_a_path_returns_home(self):
        for kind, address in self.addresses().items():
            for return_url in ("edities", "search", "x y", ""):
                with self.subTest(kind=kind, return_url=return_url):
                    data = {"password": "geheim", "return_url": return_url}
                    response = self.client.post(address, data)
                    self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_the_forms_own_return_address_is_kept(self):
        for kind, address in self.addresses().items():
            with self.subTest(kind=kind):
                data = {"password": "geheim", "return_url": self.edition.url}
                response = self.client.post(address, data)
                self.assertRedirects(response, self.edition.url, fetch_redirect_response=False)

    def test_a_wrong_password_keeps_the_page_closed(self):
        data = {"password": "fout", "return_url": "edities"}
        response = self.client.post(self.addresses()["page"], data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get(self.edition.url).status_code, 200)
        self.assertNotContains(self.client.get(self.edition.url), "Simpel met Impact")
