"""Language codes of locales by id, kept in memory: serving a page should not cost a query for it."""

from wagtail.models import Locale

_codes = {}


def language_code_of(locale_id):
    if locale_id not in _codes:
        _codes.clear()
        _codes.update(Locale.objects.values_list("id", "language_code"))
    return _codes.get(locale_id)


def forget_locales(**kwargs):
    _codes.clear()
