"""Search terms marked in titles and excerpts.

Marking uses the start of each word (at least four letters), so "wandelingen" also marks
"wandeling" as the stemming search found it. The text is escaped piece by piece around the marks.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

EXCERPT_LENGTH = 240
EXCERPT_LEAD = 60
STEM_MIN_LENGTH = 4
STEM_DROP = 3


def terms_pattern(terms):
    stems = {term.lower()[: max(STEM_MIN_LENGTH, len(term) - STEM_DROP)] for term in terms}
    alternatives = "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE) if alternatives else None


@register.simple_tag
def highlight(text, terms):
    text = str(text or "")
    pattern = terms_pattern(terms)
    if pattern is None:
        return escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


@register.simple_tag
def excerpt(text, terms):
    """A part of the text around the first search term, with the terms marked."""
    text = " ".join(str(text or "").split())
    pattern = terms_pattern(terms)
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - EXCERPT_LEAD) if match and len(text) > EXCERPT_LENGTH else 0
    part = text[start : start + EXCERPT_LENGTH]
    prefix = "… " if start else ""
    suffix = " …" if start + EXCERPT_LENGTH < len(text) else ""
    return mark_safe(f"{escape(prefix)}{highlight(part, terms)}{escape(suffix)}")
