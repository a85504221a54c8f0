"""Strategies for the bodies of the public forms' posts.

Three kinds of body, mixed: a valid-looking form with some fields replaced by hostile values
(these reach validation and saving), the data Hypothesis derives from the form class itself
(`hypothesis.extra.django.from_form`), and raw dictionaries of anything.
"""

import datetime
import io
import time

from hypothesis import strategies as st
from hypothesis.extra.django import from_form
from PIL import Image

from submissions.protection import new_form_token

from .hostile import hostile_text, hostile_values

# How the form token of a post is made; all but "valid" and "valid_repeated" must be dropped.
TOKEN_KINDS = (
    "valid",
    "valid",
    "valid",
    "valid_repeated",
    "fresh",
    "expired",
    "tampered",
    "garbage",
    "missing",
)


def form_token(kind):
    now = time.time()
    if kind == "fresh":
        return [new_form_token(now=now)]
    if kind == "expired":
        return [new_form_token(now=now - 5 * 60 * 60)]
    if kind == "tampered":
        return [new_form_token(now=now - 30)[:-2] + "xx"]
    if kind == "garbage":
        return ["<fzgarbag>"]
    if kind == "missing":
        return []
    token = new_form_token(now=now - 30)
    return [token, token] if kind == "valid_repeated" else [token]


@st.composite
def protection_fields(draw):
    """The shared fields of every public form: token, honeypot and consent.

    Returns (pairs, must_be_dropped)."""
    kind = draw(st.sampled_from(TOKEN_KINDS))
    honeypot = draw(st.one_of(st.just(""), st.just(""), st.just(""), hostile_text()))
    consent = draw(st.sampled_from(["on", "on", "on", "", "off", "0"]))
    pairs = [("form_token", token) for token in form_token(kind)]
    pairs += [("website", honeypot), ("consent", consent)]
    dropped = kind not in ("valid", "valid_repeated") or bool(honeypot)
    return pairs, dropped


def typical_text(*examples):
    """Plain text a visitor types: the examples, hostile text, or any text at all."""
    return st.one_of(st.sampled_from(examples), hostile_text(), st.text(min_size=1, max_size=60))


@st.composite
def mutated(draw, baseline):
    """The baseline (name -> strategy) with zero or more fields replaced, dropped or repeated."""
    pairs = []
    for name, strategy in baseline.items():
        change = draw(st.sampled_from(["keep"] * 6 + ["hostile", "drop", "repeat"]))
        if change == "drop":
            continue
        value = draw(hostile_values()) if change == "hostile" else draw(strategy)
        pairs.append((name, value))
        if change == "repeat":
            pairs.append((name, draw(hostile_values())))
    return pairs


@st.composite
def from_form_data(draw, form_class, form_kwargs, **field_strategies):
    """The data of a form Hypothesis built from the form's own fields."""
    form = draw(from_form(form_class, form_kwargs=form_kwargs, **field_strategies))
    return [(name, stringify(value)) for name, value in form.data.items() if value is not None]


def stringify(value):
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return str(value)


@st.composite
def raw_form_data(draw, names):
    """Any fields, known or not, with any values."""
    chosen = draw(st.lists(st.sampled_from(sorted(names)), max_size=len(names)))
    extra = draw(st.lists(hostile_text(max_filler=3), max_size=2))
    return [(name, draw(hostile_values())) for name in chosen + extra]


def form_bodies(baseline, form_class=None, form_kwargs=None, **field_strategies):
    """A strategy for (pairs, must_be_dropped): a form body plus its protection fields."""
    bodies = [mutated(baseline), raw_form_data(set(baseline))]
    if form_class is not None:
        bodies.append(from_form_data(form_class, form_kwargs or {}, **field_strategies))
    return st.tuples(st.one_of(*bodies), protection_fields()).map(
        lambda both: (without_protection(both[0]) + both[1][0], both[1][1])
    )


def without_protection(pairs):
    """The body without the fields protection_fields() decides (from_form fills them too)."""
    return [(name, value) for name, value in pairs if name not in PROTECTION_NAMES]


PROTECTION_NAMES = {"form_token", "website", "consent"}


# Uploads: real small images of several formats and sizes, and bytes that only claim to be one.


@st.composite
def images(draw):
    image_format = draw(st.sampled_from(["PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF"]))
    size = (draw(st.integers(1, 48)), draw(st.integers(1, 48)))
    mode = "RGB" if image_format == "JPEG" else draw(st.sampled_from(["RGB", "RGBA", "L", "P"]))
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format=image_format)
    data = buffer.getvalue()
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=16))
    return data


uploads = st.one_of(
    images(),
    st.binary(max_size=256),
    st.just(b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    st.just(b"GIF89a<script>alert(1)</script>"),
)
