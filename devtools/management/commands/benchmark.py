"""Load test of the production set-up on this machine; prints latency and throughput per page."""

import logging
import tempfile
from pathlib import Path

from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection

from devtools.benchmark import load
from devtools.benchmark.pages import key_urls
from devtools.timing import Stopwatch

# Generated volume on top of the demo: --count activities, and a tenth as many ideas and teams.
COPIED_PAGE_TYPES = ["ideas.IdeaPage", "teams.TeamPage"]
COPIES_PER_ACTIVITY = 0.1
TARGET_UNCACHED_P95_MS = 150
WARM_UP_REQUESTS = 10
TARGET_WARM_SHARE_OF_STATIC = 0.5


class Command(BaseCommand):
    help = (
        "Load the demo plus generated volume, start gunicorn with production settings and measure "
        "every key page uncached and cached, a static file, and a 50-client soak. PostgreSQL only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--count",
            type=int,
            default=5000,
            help="Generated activities; a tenth as many ideas and teams are copied.",
        )
        parser.add_argument("--skip-load", action="store_true", help="Reuse the data as it is.")
        parser.add_argument("--port", type=int, default=8106)
        parser.add_argument("--workers", type=int, default=0, help="Default: gunicorn.conf.py.")
        parser.add_argument("--seconds", type=int, default=10, help="Per measurement.")
        parser.add_argument("--connections", type=int, default=16, help="Warm and static runs.")
        parser.add_argument("--uncached-connections", type=int, default=2, help="One per core.")
        parser.add_argument("--soak-seconds", type=int, default=60)
        parser.add_argument("--soak-connections", type=int, default=50)

    def handle(self, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Run the benchmark on PostgreSQL: set DATABASE_URL.")
        load.ensure_wrk()
        if not options["skip_load"]:
            with Stopwatch() as watch:
                self.load_data(options["count"])
            self.stdout.write(f"Data in place in {watch.seconds:.0f} s.")
        pages = key_urls()
        with tempfile.TemporaryDirectory(prefix="wvdv-bench-") as workdir:
            env = load.production_env(options["port"], Path(workdir), options["workers"])
            load.collect_static(env)
            static_path = load.hashed_static_path(env, "css/site.css")
            base_url = f"http://127.0.0.1:{options['port']}"
            with load.gunicorn(env, base_url):
                missed = self.measure(base_url, pages, static_path, options)
        if missed:
            raise CommandError("Missed: " + "; ".join(missed))
        self.stdout.write(self.style.SUCCESS("All targets met."))

    def load_data(self, count):
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per page is noise here
        call_command("migrate", "--no-input", verbosity=0)
        call_command("load_demo_content", verbosity=0)
        self.stdout.write(f"Generating {count} activities ...")
        call_command("generate_activities", count, verbosity=0)
        copies = int(count * COPIES_PER_ACTIVITY)
        for page_type in COPIED_PAGE_TYPES:
            self.stdout.write(f"Copying {copies} {page_type} ...")
            call_command("generate_pages", page_type, copies, verbosity=0)
        call_command("update_index", verbosity=0)

    def measure(self, base_url, pages, static_path, options):
        seconds, connections = options["seconds"], options["connections"]
        missed = []
        static = load.run_wrk(base_url, [static_path], connections=connections, seconds=seconds)
        self.stdout.write(
            f"Static file {static_path}: {static.throughput:.0f} req/s, "
            f"p50 {static.p50_ms:.1f} ms, p95 {static.p95_ms:.1f} ms, errors {static.errors}"
        )
        self.stdout.write(
            f"\n{'page':<30} {'uncached p50/p95 ms':>20} {'req/s':>7}   "
            f"{'cached p50/p95 ms':>18} {'req/s':>7} {'of static':>9}  url"
        )
        for label, path in pages:
            # Unmeasured and one at a time (no backlog): each worker renders the page once first.
            for _ in range(WARM_UP_REQUESTS):
                load.fetch_status(base_url + path, headers=load.UNCACHED_HEADERS)
            cold = load.run_wrk(
                base_url,
                [path],
                connections=options["uncached_connections"],
                seconds=seconds,
                headers=load.UNCACHED_HEADERS,
            )
            load.fetch_status(base_url + path)  # fills the cache
            status, cache_state = load.fetch_status(base_url + path)
            warm = load.run_wrk(base_url, [path], connections=connections, seconds=seconds)
            share = warm.throughput / static.throughput
            self.stdout.write(
                f"{label:<30} {cold.p50_ms:>9.1f} /{cold.p95_ms:>7.1f}  {cold.throughput:>7.0f}   "
                f"{warm.p50_ms:>8.1f} /{warm.p95_ms:>6.1f}  {warm.throughput:>7.0f} {share:>8.0%}"
                f"  {path} [{status} {cache_state or 'not cached'}]"
            )
            missed += self.check_page(label, cold, warm, share, cache_state)
        soak = load.run_wrk(
            base_url,
            [path for _, path in pages],
            connections=options["soak_connections"],
            seconds=options["soak_seconds"],
        )
        self.stdout.write(
            f"\nSoak: {options['soak_connections']} clients, {options['soak_seconds']} s, "
            "all pages: "
            f"{soak.requests} requests, {soak.throughput:.0f} req/s, p95 {soak.p95_ms:.1f} ms, "
            f"errors {soak.errors}"
        )
        if soak.errors:
            missed.append(f"soak had {soak.errors} errors")
        return missed

    def check_page(self, label, cold, warm, share, cache_state):
        missed = []
        if cold.p95_ms > TARGET_UNCACHED_P95_MS:
            missed.append(f"{label}: uncached p95 {cold.p95_ms:.0f} ms")
        if cache_state == "hit" and share < TARGET_WARM_SHARE_OF_STATIC:
            missed.append(f"{label}: cached throughput {share:.0%} of static")
        if cold.errors or warm.errors:
            missed.append(f"{label}: {cold.errors + warm.errors} errors")
        return missed
