"""Strategies for what a hostile or careless visitor sends.

Every hostile value carries a marker ("fz" and six letters or digits) right behind the character
that would do harm if it came back unescaped (`<fz…`, `"fz…`, `'fz…`): the checks in
properties.py look for exactly those substrings.
"""

import string

from hypothesis import strategies as st

MARKER_PREFIX = "fz"
MARKER_ALPHABET = string.ascii_lowercase + string.digits

markers = st.text(MARKER_ALPHABET, min_size=6, max_size=6).map(lambda s: MARKER_PREFIX + s)

# Each template turns a marker into a hostile value; "{m}" is the marker. None starts with the
# marker: a value that did would come back escaped as value="fz…, which looks like an attribute
# breaker of another value with the same marker.
TEMPLATES = (
    "<{m}>",
    "<script>{m}</script>",
    "<{m} src=x onerror=alert(1)>",
    '"><{m} autofocus onfocus=alert(1)>',
    "'><{m}>",
    '"{m}="x',
    "'{m}='x",
    "</textarea></title><{m}>",
    "javascript:{m}",
    '=HYPERLINK("http://example.org/{m}","klik")',
    "+{m}",
    "-{m}",
    "@{m}",
    "\t={m}",
    "\r={m}",
    "x{m}\r\nBcc: {m}@example.org",
    "x{m}\nX-Injected: {m}",
    "x{m}\u2028\u2029",
    "x{m}\x00",
    "\u202e{m}\u202d",
    "\u05e9\u05dc\u05d5\u05dd {m}",
    "x{m} \U0001f91d\U0001f3fd\u200d",
    "x{m}" + "A" * 4000,
    "{{{{ {m} }}}}{{% debug %}}",
    "%(m)s %s {{0}} {m}",
    "../../{m}",
    "x{m}'; DROP TABLE wagtailcore_page; --",
)

templates = st.sampled_from(TEMPLATES)


@st.composite
def hostile_text(draw, max_filler=20):
    """A hostile value with a marker, between arbitrary text."""
    value = draw(templates).format(m=draw(markers))
    before = draw(st.text(max_size=max_filler))
    after = draw(st.text(max_size=max_filler))
    return before + value + after


# Values that are wrong in type or range for a number, an id, a page number or a date.
NUMBER_EDGES = (
    "0",
    "-1",
    "1.5",
    "1e3",
    "0x10",
    " 1",
    "1 ",
    "+1",
    "2147483648",
    "9223372036854775808",
    "9" * 40,
    "NaN",
    "inf",
    "",
    "null",
    "[]",
    "last",
)
# Strings that str.isdigit() accepts although int() refuses some of them, and oversized numbers.
DIGIT_LOOKALIKES = (
    "\u00b2",
    "\u00b9\u00b2",
    "\u2460",
    "\u0663",
    "\uff11",
    "\u2167",
    "\U0001d7d9",
    "9" * 19,
    "9" * 30,
)
DATE_EDGES = (
    "0001-01-01",
    "0001-01-01T00:00",
    "0001-01-01 00:00:00",
    "9999-12-31",
    "9999-12-31T23:59",
    "9999-12-31T23:59:59.999999",
    "2026-02-30",
    "2026-12-07T25:00",
    "2026-03-29T02:30",
    "2026-10-25T02:30",
    "1970-01-01T00:00",
    "2038-01-19T03:14:08",
    "12/07/2026 14:00",
    "7 december 2026",
    "2026-12-07T14:00+14:00",
    "2026-W50",
    "-2026-12-07",
)

numbers_as_text = st.one_of(
    st.sampled_from(NUMBER_EDGES),
    st.sampled_from(DIGIT_LOOKALIKES),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
dates_as_text = st.one_of(
    st.sampled_from(DATE_EDGES),
    st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes")),
    st.dates().map(str),
)


def hostile_values(*typical):
    """Anything for a parameter: its typical values, hostile text, wrong types, noise."""
    return st.one_of(
        st.sampled_from(typical) if typical else st.nothing(),
        hostile_text(),
        numbers_as_text,
        dates_as_text,
        st.text(max_size=30),
    )


def parameter_lists(values):
    """One value, the value repeated, several values, or the parameter without a value."""
    return st.one_of(
        values.map(lambda value: [value]),
        st.lists(values, min_size=2, max_size=3),
        st.just([""]),
    )


@st.composite
def query_params(draw, known, extra_names=("x", "page", "untranslated", "utm_source")):
    """A list of (name, value) pairs: some known parameters with fitting or hostile values,
    maybe unknown ones, each possibly repeated or empty."""
    names = draw(st.lists(st.sampled_from(sorted(known)), unique=True, max_size=len(known)))
    pairs = []
    for name in names:
        for value in draw(parameter_lists(known[name])):
            pairs.append((name, value))
    for _ in range(draw(st.integers(0, 2))):
        name = draw(st.one_of(st.sampled_from(extra_names), hostile_text(max_filler=3)))
        pairs.append((name, draw(hostile_values())))
    return pairs


def raw_query_strings():
    """Query strings the test client would never build: broken percent codes, invalid UTF-8."""
    pieces = st.sampled_from(
        ("%", "%ZZ", "%00", "%FF%FE", "%C0%AF", "%E2%80%AE", "&&", "==", ";", "+", "%2B", "a[]=1")
    )
    return st.lists(st.one_of(pieces, st.text(MARKER_ALPHABET + "=&", max_size=8)), max_size=6).map(
        "".join
    )
