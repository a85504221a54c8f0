"""Many people signing up for one popular activity at once, through gunicorn with production
settings on PostgreSQL: sign-ups per second, p95, errors and overbooking."""

import http.cookies
import re
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path

from django.core.management import BaseCommand, CommandError
from django.db import close_old_connections, connection
from django.db.models import Sum
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from activities.models import ActivityPage
from devtools.benchmark import load
from devtools.timing import percentile
from editions.models import EditionPage
from operations.environment import production_environment
from signups import tokens
from signups.models import SignUp
from submissions.protection import new_form_token

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Command(BaseCommand):
    help = (
        "Sign-ups for one activity by N clients at once through gunicorn (production settings): "
        "sign-ups per second, p95, errors, overbooking. PostgreSQL only; needs an edition "
        "(load_demo_content)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=20, help="Simultaneous clients.")
        parser.add_argument("--signups", type=int, default=200, help="Sign-ups in all.")
        parser.add_argument("--places", type=int, default=50)
        parser.add_argument("--port", type=int, default=8107)
        parser.add_argument("--workers", type=int, default=0, help="Default: gunicorn.conf.py.")
        parser.add_argument("--keep", action="store_true", help="Keep the activity afterwards.")

    def handle(self, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Run the benchmark on PostgreSQL: set DATABASE_URL.")
        activity = self.make_activity(options["places"])
        try:
            with tempfile.TemporaryDirectory(prefix="wvdv-signups-") as workdir:
                env = load.production_env(options["port"], Path(workdir), options["workers"])
                env = production_environment(**{**env, "SUBMISSIONS_RATE_LIMIT": "1000000"})
                load.collect_static(env)
                base_url = f"http://127.0.0.1:{options['port']}"
                with load.gunicorn(env, base_url):
                    with override_settings(SECRET_KEY=env["DJANGO_SECRET_KEY"]):
                        results = self.run_clients(base_url, activity, options)
            self.report(activity, results, options)
        finally:
            if not options["keep"]:
                ActivityPage.objects.get(pk=activity.pk).delete()

    def make_activity(self, places):
        edition = (
            EditionPage.objects.filter(locale=Locale.objects.get(language_code="nl"), live=True)
            .order_by("-year")
            .first()
        )
        if edition is None:
            raise CommandError("No Dutch edition: run manage.py load_demo_content first.")
        starts = timezone.now() + timedelta(days=30)
        activity = ActivityPage(
            title="Benchmark aanmelden",
            slug=f"benchmark-aanmelden-{int(time.time())}",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            related_event=True,
            is_online=True,
            signup_on_site=True,
            capacity=places,
        )
        edition.add_child(instance=activity)
        activity.save_revision().publish()
        return ActivityPage.objects.get(pk=activity.pk)

    def run_clients(self, base_url, activity, options):
        with translation.override("nl"):
            form_url = base_url + reverse("signups:create", args=[activity.pk])
        numbers = iter(range(options["signups"]))
        lock = threading.Lock()
        results = []

        def client():
            try:
                while True:
                    with lock:
                        number = next(numbers, None)
                    if number is None:
                        return
                    results.append(self.sign_up(base_url, form_url, activity, number))
            finally:
                close_old_connections()

        threads = [threading.Thread(target=client) for _ in range(options["clients"])]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.elapsed = time.monotonic() - started
        return results

    def sign_up(self, base_url, form_url, activity, number):
        """(seconds, error or None): the form, sending it, confirming the address."""
        email = f"bench{number}-{activity.pk}@example.org"
        started = time.monotonic()
        try:
            cookie, page, _status = request(form_url)
            csrf = CSRF_INPUT.search(page).group(1)
            data = {
                "csrfmiddlewaretoken": csrf,
                "name": f"Deelnemer {number}",
                "email": email,
                "people": "1",
                "waiting_list": "on",
                "consent": "on",
                "website": "",
                "form_token": new_form_token(now=time.time() - 30),
            }
            status = request(form_url, data, cookie)[2]
            if status != 302:
                return time.monotonic() - started, f"form answered {status}"
            signup = SignUp.objects.get(email=email)
            with translation.override("nl"):
                confirm_url = base_url + reverse(
                    "signups:confirm", args=[tokens.confirm_token(signup)]
                )
            status = request(confirm_url, {"csrfmiddlewaretoken": csrf}, cookie)[2]
            if status != 302:
                return time.monotonic() - started, f"confirmation answered {status}"
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            return time.monotonic() - started, repr(error)
        return time.monotonic() - started, None

    def report(self, activity, results, options):
        durations = sorted(seconds for seconds, _error in results)
        errors = [error for _seconds, error in results if error]
        signups = SignUp.objects.filter(activity=activity)
        confirmed = signups.filter(status=SignUp.Status.CONFIRMED).aggregate(n=Sum("people"))
        confirmed = confirmed["n"] or 0
        waiting = signups.filter(status=SignUp.Status.WAITING).count()
        overbooked = max(0, confirmed - options["places"])
        milliseconds = [duration * 1000 for duration in durations] or [0]
        write = self.stdout.write
        write(f"sign-ups:        {len(results)} by {options['clients']} clients")
        write(f"sign-ups/s:      {len(results) / self.elapsed:.1f}")
        write(f"p50:             {percentile(milliseconds, 50):.0f} ms (form, send, confirm)")
        write(f"p95:             {percentile(milliseconds, 95):.0f} ms")
        write(f"errors:          {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
        write(f"confirmed:       {confirmed} of {options['places']} places; waiting: {waiting}")
        write(f"overbooking:     {overbooked}")
        if errors or overbooked:
            raise CommandError("Errors or overbooking.")


def request(url, data=None, cookie=None):
    """(csrf cookie, body, status) of one GET, or POST when `data` is given; no redirects."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body)
    if cookie:
        req.add_header("Cookie", f"csrftoken={cookie}")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=30) as response:
            status, headers, content = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, content = error.code, error.headers, error.read()
    jar = http.cookies.SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        jar.load(header)
    new_cookie = jar["csrftoken"].value if "csrftoken" in jar else cookie
    return new_cookie, content.decode(errors="replace"), status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
