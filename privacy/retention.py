"""The retention job: every register entry's rows past their period are deleted or emptied."""

import logging

from django.db import transaction
from django.utils import timezone

from . import erasure, register

logger = logging.getLogger(__name__)


def expired_rows(entry, now):
    return entry.expired(now - entry.retention_period())


def apply_retention(now=None, dry_run=False):
    """{entry key: rows past their period}; unless dry_run, those rows are ended."""
    now = now or timezone.now()
    counts = {}
    for entry in register.entries():
        with transaction.atomic():
            rows = expired_rows(entry, now)
            counts[entry.key] = rows.count() if dry_run else erasure.erase(entry, rows)
    if not dry_run:
        if any(counts.values()):
            erasure.pages_changed()
        logger.info("Retention applied: %s", counts)
    return counts
