"""Two-factor sign-in to the admin (accounts/): who must use it, that nothing in the admin opens
before the second step, codes from the app and recovery codes, opting in, the limits on guessing,
the administrator's reset and the demo admin."""

import io
import re
from urllib.parse import urlsplit

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import URLResolver, get_resolver
from django.utils import timezone
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission, ModelLogEntry, PageViewRestriction

from accounts.devices import new_recovery_codes, secret_for_manual_entry
from accounts.middleware import OPEN_VIEWS
from moderation.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import make_edition_index, make_home, make_user
from tests.test_security import EXECUTABLE_INLINE_SCRIPT
from tests.two_factor import authenticator, current_code, log_in

PASSWORD = "secret-password"  # tests.factories.make_user
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"
REGEX_SIGNS = re.compile(r"[\\()\[\]?*+|<]")


def admin_paths_without_arguments():
    """Every admin URL (Wagtail's, wagtail-localize's, this site's) that takes no arguments,
    but for the few that must stay open before the second step."""
    admin = next(p for p in get_resolver().url_patterns if str(p.pattern) == "admin/")
    return sorted(
        path
        for path, name in walk(admin.url_patterns, "/admin/")
        if name not in OPEN_VIEWS and not REGEX_SIGNS.search(path)
    )


def walk(patterns, prefix):
    for pattern in patterns:
        path = prefix + str(pattern.pattern).strip("^$")
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, path)
        else:
            yield path, pattern.name


def wrong_code(device):
    """Six digits that are none of the codes the app shows around now."""
    now = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    near = {hotp(device.bin_key, t) for t in range(now - 2, now + 3)}
    return next(f"{n:06d}" for n in range(10) if n not in near)


def location(response):
    return urlsplit(response["Location"]).path


# django-otp's back-off after a wrong code (1, 2, 4, ... seconds) is off, so that a test may send
# a wrong code and then the right one without waiting; GuessingIsLimitedTest turns it on.
@override_settings(OTP_TOTP_THROTTLE_FACTOR=0, OTP_STATIC_THROTTLE_FACTOR=0)
class TwoFactorCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        call_command("setup_roles", stdout=io.StringIO())
        cls.moderator = make_user("moderator", MODERATORS)
        cls.superuser = make_user("admin", superuser=True)
        cls.editor = make_user("editor", EDITORS)
        cls.translator = make_user("translator", TRANSLATORS)

    def sign_in_with_password(self, user):
        response = self.client.post(
            "/admin/login/", {"username": user.username, "password": PASSWORD}
        )
        self.assertEqual(response.status_code, 302)
        return response

    def enter_code(self, code, path=VERIFY, **extra):
        return self.client.post(path, {"code": code, "next": "/admin/pages/"}, **extra)

    def assert_admin_open(self):
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        self.assertEqual(self.client.get("/admin/snippets/").status_code, 200)

    def assert_sent_to(self, step, path="/admin/pages/"):
        response = self.client.get(path)
        self.assertEqual(response.status_code, 302, path)
        self.assertEqual(location(response), step, path)


class EnrolmentIsForcedTest(TwoFactorCase):
    def admin_paths(self):
        with_ids = [
            f"/admin/pages/{self.home.pk}/",
            f"/admin/pages/{self.home.pk}/edit/",
            f"/admin/users/{self.editor.pk}/",
            "/admin/localize/",
            "/admin/reports/",
        ]
        return [path for path in admin_paths_without_arguments() if path != SETUP] + with_ids

    def test_the_list_of_admin_urls_is_complete_enough(self):
        paths = admin_paths_without_arguments()
        for path in ("/admin/", "/admin/pages/", "/admin/snippets/", "/admin/users/"):
            self.assertIn(path, paths)
        self.assertIn("/admin/localize/reports/translations/", paths)
        self.assertIn("/admin/reports/unanswered-searches/", paths)
        self.assertIn("/admin/snippets/stories/story/", paths)
        self.assertGreater(len(paths), 100)

    def test_publishers_without_an_app_reach_only_the_set_up(self):
        for user in (self.moderator, self.superuser):
            self.client.force_login(user)  # the password step
            for path in self.admin_paths():
                with self.subTest(user=user.username, path=path):
                    for response in (self.client.get(path), self.client.post(path)):
                        self.assertEqual(response.status_code, 302)
                        self.assertEqual(location(response), SETUP)
            self.assertEqual(self.client.get(SETUP).status_code, 200)

    def test_setting_up_opens_the_admin_and_shows_recovery_codes_once(self):
        self.client.force_login(self.moderator)
        page = self.client.get(SETUP).content.decode()
        device = TOTPDevice.objects.get(user=self.moderator, confirmed=False)
        self.assertIn('src="data:image/svg+xml', page)  # the QR code, made on this server
        self.assertNotIn("https://", re.search(r'<img[^>]+src="([^"]+)"', page).group(1))
        self.assertIsNone(EXECUTABLE_INLINE_SCRIPT.search(page))
        self.assertIn(secret_for_manual_entry(device), page)  # the key, to type in by hand

        self.assertEqual(self.enter_code(wrong_code(device), SETUP).status_code, 200)
        self.assert_sent_to(SETUP)

        response = self.enter_code(current_code(device), SETUP)
        self.assertEqual(location(response), "/admin/two-factor/recovery-codes/")
        codes_page = self.client.get(response["Location"])
        codes = StaticToken.objects.filter(device__user=self.moderator)
        self.assertEqual(codes.count(), 10)
        for token in codes:
            self.assertContains(codes_page, token.token)
        self.assertEqual(self.client.get(response["Location"]).status_code, 302)  # shown once
        self.assert_admin_open()
        self.assertTrue(TOTPDevice.objects.get(user=self.moderator).confirmed)

    def test_a_new_publishing_group_is_covered(self):
        """Worked out from permissions: page publishing, snippet publishing, managing users."""
        page_publishers = Group.objects.create(name="Eindredactie")
        page_publishers.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(
            group=page_publishers,
            page=self.home,
            permission=Permission.objects.get(codename="publish_page"),
        )
        theme_publishers = Group.objects.create(name="Thema's")
        theme_publishers.permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", "publish_theme"])
        )
        user_managers = Group.objects.create(name="Ledenbeheer")
        user_managers.permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", "change_user"])
        )
        for group in (page_publishers, theme_publishers, user_managers):
            with self.subTest(group=group.name):
                user = make_user(f"in-{group.pk}")
                user.groups.add(group)
                self.client.force_login(user)
                self.assert_sent_to(SETUP, "/admin/")


class SecondStepTest(TwoFactorCase):
    def setUp(self):
        super().setUp()
        self.device = authenticator(self.moderator)

    def test_after_the_password_alone_the_public_site_sees_a_visitor(self):
        members_only = make_edition_index(self.home)
        PageViewRestriction.objects.create(
            page=members_only, restriction_type=PageViewRestriction.LOGIN
        )
        self.sign_in_with_password(self.moderator)
        self.assertEqual(self.client.get(members_only.url).status_code, 302)
        self.enter_code(current_code(self.device))
        self.assertEqual(self.client.get(members_only.url).status_code, 200)

    def test_the_password_alone_does_not_open_the_admin(self):
        self.sign_in_with_password(self.moderator)
        for path in ("/admin/", "/admin/pages/", "/admin/snippets/", SETUP, "/admin/users/"):
            self.assert_sent_to(VERIFY, path)
        self.assertEqual(self.client.get(VERIFY).status_code, 200)

    def test_a_code_from_the_app_opens_the_admin(self):
        self.sign_in_with_password(self.superuser)
        device = authenticator(self.superuser)
        session_before = self.client.cookies["sessionid"].value
        response = self.enter_code(current_code(device))
        self.assertEqual(response["Location"], "/admin/pages/")
        self.assertNotEqual(self.client.cookies["sessionid"].value, session_before)
        self.assert_admin_open()
        self.assertEqual(self.client.get("/admin/users/").status_code, 200)

    def test_a_wrong_code_does_not(self):
        self.sign_in_with_password(self.moderator)
        response = self.enter_code(wrong_code(self.device))
        self.assertContains(response, "niet goed")  # "This code is not right"
        self.assert_sent_to(VERIFY)

    def test_a_recovery_code_works_once(self):
        codes = new_recovery_codes(self.moderator)
        self.sign_in_with_password(self.moderator)
        self.assertEqual(self.enter_code(codes[0]).status_code, 302)
        self.assert_admin_open()

        self.client.logout()
        self.sign_in_with_password(self.moderator)
        self.assertEqual(self.enter_code(f" {codes[1].upper()} ").status_code, 302)

        self.client.logout()
        self.sign_in_with_password(self.moderator)
        self.assertEqual(self.enter_code(codes[0]).status_code, 200)
        self.assert_sent_to(VERIFY)
        self.assertEqual(StaticToken.objects.filter(device__user=self.moderator).count(), 8)

    def test_a_recovery_code_of_eight_digits_is_not_taken_for_an_app_code(self):
        new_recovery_codes(self.moderator)
        StaticToken.objects.filter(device__user=self.moderator).update(token="23456723")
        self.sign_in_with_password(self.moderator)
        self.assertEqual(self.enter_code("2345 6723").status_code, 302)
        self.assert_admin_open()

    def test_no_redirect_to_another_site_after_the_code(self):
        self.sign_in_with_password(self.moderator)
        response = self.client.post(
            VERIFY, {"code": current_code(self.device), "next": "https://example.com/"}
        )
        self.assertEqual(response["Location"], "/admin/")

    def test_new_recovery_codes_after_a_code(self):
        old_codes = new_recovery_codes(self.moderator)
        log_in(self.client, self.moderator)
        path = "/admin/two-factor/recovery-codes/new/"
        self.assertEqual(self.enter_code(wrong_code(self.device), path).status_code, 200)
        self.assertEqual(StaticToken.objects.filter(token=old_codes[0]).count(), 1)

        response = self.enter_code(current_code(self.device), path)
        self.assertEqual(location(response), "/admin/two-factor/recovery-codes/")
        new_codes = set(
            StaticToken.objects.filter(device__user=self.moderator).values_list("token", flat=True)
        )
        self.assertEqual(len(new_codes), 10)
        self.assertFalse(new_codes & set(old_codes))
        self.assertContains(self.client.get(response["Location"]), sorted(new_codes)[0])


class OptInTest(TwoFactorCase):
    def test_editors_and_translators_are_not_forced_but_may_opt_in(self):
        for user in (self.editor, self.translator):
            with self.subTest(user=user.username):
                self.sign_in_with_password(user)
                self.assertEqual(self.client.get("/admin/").status_code, 200)
                account = self.client.get("/admin/account/")
                self.assertContains(account, 'href="/admin/two-factor/"')

                self.client.get(SETUP)
                device = TOTPDevice.objects.get(user=user, confirmed=False)
                self.assertEqual(self.enter_code(current_code(device), SETUP).status_code, 302)

                self.client.logout()
                self.sign_in_with_password(user)
                self.assert_sent_to(VERIFY, "/admin/")
                self.client.logout()


class GuessingIsLimitedTest(TwoFactorCase):
    def setUp(self):
        super().setUp()
        self.device = authenticator(self.moderator)

    @override_settings(SUBMISSIONS_RATE_LIMIT=3)
    def test_after_the_limit_even_the_right_code_is_refused(self):
        self.sign_in_with_password(self.moderator)
        for _ in range(3):
            self.assertEqual(self.enter_code(wrong_code(self.device)).status_code, 200)
        response = self.enter_code(current_code(self.device))
        self.assertEqual(response.status_code, 429)
        self.assert_sent_to(VERIFY)

    @override_settings(OTP_TOTP_THROTTLE_FACTOR=1)
    def test_after_many_wrong_codes_the_app_waits_from_any_address(self):
        """django-otp's back-off counts per account (1, 2, 4, ... seconds), not per address."""
        self.device.throttling_failure_count = 10
        self.device.throttling_failure_timestamp = timezone.now()
        self.device.save()
        self.sign_in_with_password(self.moderator)
        response = self.enter_code(current_code(self.device), REMOTE_ADDR="10.1.2.3")
        self.assertContains(response, "wacht een minuut")  # "wait a minute"
        self.assert_sent_to(VERIFY)


class ResetTest(TwoFactorCase):
    def reset_path(self, user):
        return f"/admin/two-factor/reset/{user.pk}/"

    def test_a_superuser_resets_another_users_two_factor(self):
        authenticator(self.moderator)
        new_recovery_codes(self.moderator)
        log_in(self.client, self.superuser)
        self.assertContains(self.client.get("/admin/users/"), self.reset_path(self.moderator))
        self.assertEqual(self.client.get(self.reset_path(self.moderator)).status_code, 200)

        response = self.client.post(self.reset_path(self.moderator))
        self.assertEqual(location(response), "/admin/users/")
        self.assertFalse(TOTPDevice.objects.filter(user=self.moderator).exists())
        self.assertFalse(StaticToken.objects.filter(device__user=self.moderator).exists())
        self.assertTrue(
            ModelLogEntry.objects.filter(
                action="accounts.two_factor.reset", object_id=str(self.moderator.pk)
            ).exists()
        )

        self.client.logout()
        self.sign_in_with_password(self.moderator)
        self.assert_sent_to(SETUP)

    def test_nobody_else_may_reset_not_even_who_manages_users(self):
        user_managers = Group.objects.create(name="Ledenbeheer")
        user_managers.permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", "view_user", "change_user"])
        )
        user_manager = make_user("user-manager")
        user_manager.groups.add(user_managers)
        authenticator(self.editor)
        for user in (self.moderator, user_manager):
            with self.subTest(user=user.username):
                log_in(self.client, user)
                users = self.client.get("/admin/users/", follow=True)
                self.assertNotContains(users, self.reset_path(self.editor))
                for response in (
                    self.client.get(self.reset_path(self.editor)),
                    self.client.post(self.reset_path(self.editor)),
                ):
                    self.assertEqual(location(response), "/admin/")  # Wagtail's "no permission"
        self.assertTrue(TOTPDevice.objects.filter(user=self.editor).exists())


class DemoAdminTest(TwoFactorCase):
    def test_the_demo_admin_signs_in_with_a_printed_recovery_code(self):
        output = io.StringIO()
        call_command("create_demo_admin", password=PASSWORD, stdout=output)
        printed = output.getvalue()
        self.assertIn("otpauth://totp/", printed)
        codes = StaticToken.objects.filter(device__user__username="admin")
        self.assertEqual(codes.count(), 10)
        first = codes.first().token
        self.assertIn(first, printed)

        self.sign_in_with_password(self.superuser)
        self.assert_sent_to(VERIFY)
        self.assertEqual(self.enter_code(first).status_code, 302)
        self.assert_admin_open()

    def test_running_it_again_keeps_the_app_and_prints_new_codes(self):
        call_command("create_demo_admin", password=PASSWORD, stdout=io.StringIO())
        device = TOTPDevice.objects.get(user__username="admin")
        output = io.StringIO()
        call_command("create_demo_admin", password=PASSWORD, stdout=output)
        self.assertEqual(TOTPDevice.objects.get(user__username="admin"), device)
        self.assertNotIn("otpauth://", output.getvalue())
        tokens = StaticToken.objects.filter(device__user__username="admin")
        self.assertIn(tokens.first().token, output.getvalue())
