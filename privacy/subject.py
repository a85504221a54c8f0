"""Everything the site holds about one e-mail address: to look at, export, or erase.

The address itself is never stored: the audit log names the objects and the register entries.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from . import erasure, register

ERASE_ACTION = "privacy.erase"


def normalised(email):
    return email.strip().lower()


def admin_object(entry, row):
    return entry.admin_object(row) if entry.admin_object else row


def matches(email):
    """[(entry, rows)] for every entry with rows about this address (rows as a list)."""
    email = normalised(email)
    found = []
    for entry in register.entries():
        rows = list(entry.find(email)) if entry.find else []
        if rows:
            found.append((entry, rows))
    return found


def row_data(entry, row):
    data = {"id": row.pk, "about": str(admin_object(entry, row))}
    for name in entry.fields:
        data[name] = entry.model._meta.get_field(name).value_to_string(row)
    return data


def export(email):
    return {
        "email": normalised(email),
        "exported_at": timezone.now().isoformat(),
        "register": [
            {
                "key": entry.key,
                "label": str(entry.label),
                "model": entry.model._meta.label,
                "items": [row_data(entry, row) for row in rows],
            }
            for entry, rows in matches(email)
        ],
    }


def erase_all(email, user):
    """Delete or empty every row about this address in one transaction. {entry key: rows}.

    The account of the administrator doing it is left alone."""
    counts = {}
    with transaction.atomic():
        found = [
            (entry, kept)
            for entry, rows in matches(email)
            if (kept := [row for row in rows if row != user])
        ]
        for entry, rows in found:
            log_erasure(entry, rows, user)
        for entry, rows in found:
            queryset = entry.model._default_manager.filter(pk__in=[row.pk for row in rows])
            counts[entry.key] = erasure.erase(entry, queryset)
        if counts:
            erasure.pages_changed()
    return counts


def log_erasure(entry, rows, user):
    """One audit log entry per object concerned, naming the register entry, not the address."""
    objects = {admin_object(entry, row) for row in rows}
    for obj in objects:
        kept = isinstance(obj, Page) or entry.action == register.Action.ANONYMISE
        title = None if isinstance(obj, Page) else f"{obj._meta.verbose_name} #{obj.pk}"
        log(
            instance=obj,
            action=ERASE_ACTION,
            user=user,
            title=title,
            data={"register": entry.key, "fields": list(entry.fields)},
            deleted=not kept,
        )
