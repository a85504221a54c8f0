"""Running wrk and gunicorn for the benchmark command."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from operations.environment import production_environment

STATS_SCRIPT = Path(__file__).with_name("stats.lua")
# A session cookie makes the page cache step aside: the page is rendered for every request.
UNCACHED_HEADERS = ("Cookie: sessionid=benchmark-uncached",)


@dataclass
class Figures:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    errors: int

    @property
    def throughput(self):
        return self.requests / self.seconds if self.seconds else 0.0


def ensure_wrk():
    if shutil.which("wrk"):
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)


def run_wrk(base_url, paths, *, connections, seconds, headers=()):
    threads = max(1, min(2, connections))
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    command += ["-s", str(STATS_SCRIPT), base_url + paths[0], "--", *paths]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in reversed(output.splitlines()) if line.startswith("{"))
    raw = json.loads(line)
    return Figures(
        requests=raw["requests"],
        seconds=raw["duration_us"] / 1e6,
        p50_ms=raw["p50_us"] / 1000,
        p95_ms=raw["p95_us"] / 1000,
        errors=raw["status_errors"] + raw["socket_errors"],
    )


def production_env(port, workdir, workers):
    return production_environment(
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        DJANGO_CACHE_DIR=str(workdir / "cache"),
        DJANGO_LOG_LEVEL="WARNING",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESS_LOG=str(workdir / "access.log"),
        GUNICORN_ERROR_LOG=str(workdir / "error.log"),
        GUNICORN_WORKERS=str(workers) if workers else os.environ.get("GUNICORN_WORKERS"),
    )


def collect_static(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )


def hashed_static_path(env, name):
    manifest = Path(env["DJANGO_STATIC_ROOT"]) / "staticfiles.json"
    return settings.STATIC_URL + json.loads(manifest.read_text())["paths"][name]


@contextlib.contextmanager
def gunicorn(env, base_url):
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn_bin), "-c", "gunicorn.conf.py", "wvdv.wsgi"],
        cwd=settings.BASE_DIR,
        env=env,
        start_new_session=True,
    )
    try:
        wait_until_healthy(base_url, process)
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_until_healthy(base_url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting; see its error log")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(base_url + "/health/", timeout=2) as response:
                if response.status == 200:
                    return
        time.sleep(0.5)
    raise RuntimeError("gunicorn did not become healthy in time")


def fetch_status(url, headers=()):
    request = urllib.request.Request(url)
    for header in headers:
        name, value = header.split(": ", 1)
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("X-Page-Cache", "")
    except urllib.error.HTTPError as error:
        return error.code, ""
