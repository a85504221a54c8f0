"""Python's garbage collector as the app servers run it (gunicorn.conf.py), and as the
benchmarks measure it.

What is loaded once (Django, Wagtail, templates, the first page's caches) lives as long as the
process, so it is frozen out of every collection; and a page render allocates tens of thousands
of objects, so workers collect less often than Python's default (every 700 allocations). No
Django import here: gunicorn reads this before the app is loaded.
"""

import gc
import os

FIRST_GENERATION_THRESHOLD = int(os.environ.get("GUNICORN_GC_THRESHOLD", "20000"))


def freeze_loaded_objects():
    gc.freeze()


def collect_less_often():
    gc.set_threshold(FIRST_GENERATION_THRESHOLD, *gc.get_threshold()[1:])
