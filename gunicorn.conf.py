"""Gunicorn settings, read from the environment: `gunicorn -c gunicorn.conf.py wvdv.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Restart workers now and then so that a slow leak cannot grow without bound.
# A worker restarts after this many requests (a guard against slow memory growth). A fresh worker
# renders its first pages slowly, and a cached page takes a millisecond, so the limit is high: at
# 2,000 the workers restarted every few seconds under load and uncached p95 tripled.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "5000"))
# Load Django once in the master, so a (re)started worker is forked ready instead of importing
# everything again. Nothing touches the database while loading.
preload_app = os.environ.get("GUNICORN_PRELOAD_APP", "true").lower() == "true"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs go to stdout/stderr (journald or the platform collects them), access log as JSON lines.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
    '"query": "%(q)s", "status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s, '
    '"request_id": "%({x-request-id}o)s", "user_agent": "%(a)s"}'
)


# Imports inside the hooks: gunicorn puts the project on sys.path after reading this file.
def pre_fork(server, worker):
    from operations.garbage_collection import freeze_loaded_objects

    freeze_loaded_objects()


def post_fork(server, worker):
    from operations.garbage_collection import collect_less_often

    collect_less_often()


def worker_exit(server, worker):
    from search.counting import flush  # searches the page cache answered, counted in memory

    flush()
