from django.conf import settings
from django.core import checks
from django.core.exceptions import FieldDoesNotExist

from . import register


def check_register(app_configs=None, **kwargs):
    """Every field in the register exists, and every retention setting names an entry."""
    errors = []
    for entry in register.entries():
        for name in entry.fields:
            try:
                entry.model._meta.get_field(name)
            except FieldDoesNotExist:
                label = register.field_label(entry.model, name)
                errors.append(
                    checks.Error(
                        f"Privacy register entry {entry.key!r}: no field {label}", id="privacy.E001"
                    )
                )
    known = {entry.key for entry in register.entries()}
    for key in getattr(settings, "PRIVACY_RETENTION_DAYS", {}):
        if key not in known:
            errors.append(
                checks.Error(
                    f"PRIVACY_RETENTION_DAYS: no register entry {key!r}", id="privacy.E002"
                )
            )
    return errors
