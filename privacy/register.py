"""The register of personal data: every model field that holds it, why, and for how long.

Each app declares its own entries in a `personal_data.py` module (found when the site starts,
like `wagtail_hooks.py`), so this app imports no feature. Fields whose names look personal but
are not (an organisation's address, a venue) are declared with `not_personal`, with the reason.
`unregistered_personal_fields()` lists what is in neither: tests/test_privacy.py keeps it empty.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# A field looks personal when a word of its name (split at "_") ends in one of these (nickname,
# emails, ip_address), or is "ip".
PERSONAL_WORD = re.compile(r"(\w*(name|mail|phone|address|author|message|comment)s?|ip)")


class Action(models.TextChoices):
    DELETE = "delete", _("deleted")
    ANONYMISE = "anonymise", _("emptied, the rest is kept")


class LegalBasis(models.TextChoices):
    CONSENT = "consent", _("consent (GDPR article 6(1)(a))")
    AGREEMENT = "agreement", _("agreement with the volunteer (GDPR article 6(1)(b))")
    LEGITIMATE_INTEREST = "legitimate_interest", _("legitimate interest (GDPR article 6(1)(f))")


@dataclass(frozen=True)
class PersonalData:
    """One entry: some fields of one model, with one purpose and one retention period.

    expired(cutoff) returns the rows whose period ended before `cutoff` (a datetime: now minus
    the period). find(email) returns the rows about one e-mail address (None: no row can be
    linked to an address). erase(queryset) replaces the default end (delete the rows, or empty
    the fields). admin_object(row) is what the admin links to and the audit log names (default:
    the row itself).
    """

    key: str
    model: type[models.Model]
    fields: tuple[str, ...]
    label: str
    holds: str
    purpose: str
    legal_basis: LegalBasis
    retention_days: int
    retention_start: str  # with %(period)s, e.g. "%(period)s after the decision"
    action: Action
    expired: Callable
    find: Callable | None = None
    erase: Callable | None = None
    admin_object: Callable | None = None

    def retention_period(self):
        overrides = getattr(settings, "PRIVACY_RETENTION_DAYS", {})
        return timedelta(days=overrides.get(self.key, self.retention_days))

    def retention_text(self):
        return self.retention_start % {"period": period_in_words(self.retention_period().days)}

    def field_labels(self):
        return [str(self.model._meta.get_field(name).verbose_name) for name in self.fields]


def period_in_words(days):
    if days and days % 365 == 0:
        years = days // 365
        return ngettext("%(count)s year", "%(count)s years", years) % {"count": years}
    if days and days % 30 == 0:
        months = days // 30
        return ngettext("%(count)s month", "%(count)s months", months) % {"count": months}
    return ngettext("%(count)s day", "%(count)s days", days) % {"count": days}


_entries = {}
_not_personal = {}


def register(*entries):
    for entry in entries:
        if entry.key in _entries:
            raise ValueError(f"The privacy register already has an entry {entry.key!r}")
        _entries[entry.key] = entry


def not_personal(label, reason):
    """Declare a field that looks personal but is not: "app_label.Model.field" and why."""
    _not_personal[label] = reason


def entries():
    return list(_entries.values())


def entry(key):
    return _entries[key]


def field_label(model, name):
    return f"{model._meta.label}.{name}"


def looks_personal(field):
    if not field.concrete or field.is_relation:
        return False
    if isinstance(field, models.EmailField | models.GenericIPAddressField):
        return True
    return any(PERSONAL_WORD.fullmatch(word) for word in field.name.lower().split("_"))


def registered_fields():
    return {field_label(item.model, name) for item in _entries.values() for name in item.fields}


def unregistered_personal_fields(model_classes=None):
    """Fields of installed models that look personal and are in neither list."""
    known = registered_fields() | set(_not_personal)
    return sorted(
        field_label(model, field.name)
        for model in model_classes or apps.get_models()
        for field in model._meta.local_fields
        if looks_personal(field) and field_label(model, field.name) not in known
    )
