"""The parts of Dutch compound words, for the search index.

A search for "koffie" should find "Liftkoffie", and "voetbal" "Wandelvoetbal". Neither PostgreSQL's
Dutch stemmer nor SQLite splits compounds, so the index holds, beside each long Dutch word, its
tails from every hyphenation point on ("lift-kof-fie" gives "koffie"; "wan-del-voet-bal" gives
"delvoetbal" and "voetbal"). A compound's parts always meet at a hyphenation point, so this finds
the last part of a compound without a dictionary of words; a search by prefix (search/backends.py)
then finds the first part ("wandelen" → "wandel…" → "Wandelvoetbal").

Hyphenation comes from pyphen's Dutch dictionary (OpenTaal's, as LibreOffice ships it).
"""

import re
from functools import cache

import pyphen

# Words shorter than this are rarely compounds; tails shorter than this match too much.
MIN_WORD_LENGTH = 7
MIN_PART_LENGTH = 4
LETTERS = re.compile(r"[^\W\d_]+")
# The languages whose compounds are written as one word, with their hyphenation dictionary.
HYPHENATION = {"nl": "nl_NL"}


_languages = {}


def language_of_locale(locale_id):
    """The language code of a locale, kept in memory: indexing many pages should not cost a
    query each (localization/locales.py does the same for serving pages)."""
    if locale_id not in _languages:
        from wagtail.models import Locale

        _languages.clear()
        _languages.update(Locale.objects.values_list("id", "language_code"))
    return (_languages.get(locale_id) or "").split("-")[0]


def forget_languages(**kwargs):
    _languages.clear()


@cache
def _hyphenator(language):
    return pyphen.Pyphen(lang=HYPHENATION[language])


def compound_parts(text, language="nl"):
    """The tails of the long words of ``text`` from each hyphenation point on, as one string of
    unique words in order ("" for a language without compounds written as one word)."""
    if language not in HYPHENATION or not text:
        return ""
    hyphenator = _hyphenator(language)
    parts = {}
    for word in LETTERS.findall(text.lower()):
        if len(word) < MIN_WORD_LENGTH:
            continue
        for position in hyphenator.positions(word):
            tail = word[position:]
            if len(tail) >= MIN_PART_LENGTH:
                parts[tail] = None
    return " ".join(parts)
