"""The campaign's look drawn with Pillow: share images in any size (1200×630 for link previews,
1080×1080 and 1080×1920 for posts and stories) from a few lines of text.

The fonts are DejaVu Sans (Debian's fonts-dejavu-core 2.37, Bitstream Vera licence, in
sharing/fonts/ with its licence): nothing is fetched at run time.
"""

import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parent / "fonts"
BRAND = (11, 79, 138)  # --color-brand of static/css/site.css
BRAND_DARK = (7, 58, 102)
ACCENT = (255, 191, 71)  # --color-focus
WHITE = (255, 255, 255)
SOFT = (244, 241, 234)  # --color-soft

SIZES = {"landscape": (1200, 630), "square": (1080, 1080), "story": (1080, 1920)}


@dataclass
class Artwork:
    """What one image says. `title` is the large text; `lines` (date, place) come under it."""

    title: str
    eyebrow: str = ""  # "Week van de Verbinding 2026 · Simpel met Impact"
    lines: list = field(default_factory=list)
    hashtag: str = ""
    footer: str = ""  # the site's address


@cache
def font(bold, size):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def wrap(text, typeface, width):
    """The words of `text` in lines no wider than `width` pixels (a word longer than the width
    stands on its own line)."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and typeface.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def fitted_title(text, width, max_height, largest, smallest):
    """The largest bold size from `largest` down at which `text` fits in the box, at most four
    lines (the last one shortened with an ellipsis if even the smallest size does not fit)."""
    size = largest
    while True:
        typeface = font(True, size)
        lines = wrap(text, typeface, width)
        height = len(lines) * round(size * 1.18)
        if (height <= max_height and len(lines) <= 4) or size <= smallest:
            break
        size -= 4
    if len(lines) > 4 or len(lines) * round(size * 1.18) > max_height:
        keep = max(1, min(4, max_height // round(size * 1.18)))
        lines = lines[:keep]
        while lines[-1] and typeface.getlength(lines[-1] + "…") > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] = lines[-1].rstrip() + "…"
    return typeface, lines, round(size * 1.18)


def draw_connection_mark(draw, x, y, radius):
    """Two overlapping circles: the campaign's sign of two people meeting."""
    draw.ellipse((x, y, x + 2 * radius, y + 2 * radius), outline=ACCENT, width=max(4, radius // 5))
    offset = int(radius * 1.2)
    draw.ellipse(
        (x + offset, y, x + offset + 2 * radius, y + 2 * radius),
        outline=WHITE,
        width=max(4, radius // 5),
    )


def render(artwork, size):
    """A PIL image of `size` (width, height) with the campaign's look and the artwork's text."""
    width, height = size
    unit = min(width, height) / 1080  # scale of every measure: 1 on a square post
    margin = round(72 * unit)
    image = Image.new("RGB", size, BRAND)
    draw = ImageDraw.Draw(image)
    # A band at the bottom in the dark brand colour, a thin accent line above it.
    band = round(150 * unit) if width >= height else round(220 * unit)
    draw.rectangle((0, height - band, width, height), fill=BRAND_DARK)
    draw.rectangle((0, height - band - round(10 * unit), width, height - band), fill=ACCENT)

    y = margin
    mark_radius = round(34 * unit)
    draw_connection_mark(draw, margin, y, mark_radius)
    eyebrow_font = font(True, round(34 * unit))
    text_x = margin + round(mark_radius * 3.6)
    eyebrow = wrap(artwork.eyebrow, eyebrow_font, width - text_x - margin)[:2]
    for number, line in enumerate(eyebrow):
        draw.text((text_x, y + number * round(42 * unit)), line, font=eyebrow_font, fill=SOFT)
    y += max(2 * mark_radius, len(eyebrow) * round(42 * unit)) + round(48 * unit)

    detail_font = font(False, round(40 * unit))
    detail_lines = [
        wrapped for line in artwork.lines for wrapped in wrap(line, detail_font, width - 2 * margin)
    ][:4]
    details_height = len(detail_lines) * round(52 * unit)
    bottom = height - band - round(10 * unit) - margin
    title_box = bottom - y - details_height - (round(32 * unit) if detail_lines else 0)
    largest = round((96 if height > width else 84) * unit)
    typeface, title_lines, leading = fitted_title(
        artwork.title, width - 2 * margin, title_box, largest, round(44 * unit)
    )
    gap = round(32 * unit) if detail_lines else 0
    block = len(title_lines) * leading + gap + details_height
    y += max(0, (bottom - y - block) // 2)  # the text in the middle of the space it has
    for line in title_lines:
        draw.text((margin, y), line, font=typeface, fill=WHITE)
        y += leading
    y += gap
    for line in detail_lines:
        draw.text((margin, y), line, font=detail_font, fill=ACCENT)
        y += round(52 * unit)

    footer_font = font(True, round(44 * unit))
    small_font = font(False, round(30 * unit))
    centre = height - band / 2
    if artwork.hashtag:
        draw.text((margin, centre), artwork.hashtag, font=footer_font, fill=WHITE, anchor="lm")
    if artwork.footer:
        anchor_x = width - margin
        draw.text((anchor_x, centre), artwork.footer, font=small_font, fill=SOFT, anchor="rm")
    return image


def png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
