"""Draws the site's icons and default share image into sharing/static/sharing/ with the
campaign's look (sharing/artwork.py): favicon.ico (16, 32, 48), icon-192.png, icon-512.png,
apple-touch-icon.png (180) and share-default.png (1200×630). icon.svg is written by hand.

Usage: .venv/bin/python scripts/build_share_assets.py   (commit the files it writes)
"""

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sharing import artwork  # noqa: E402

OUT = ROOT / "sharing" / "static" / "sharing"


def icon(size, rounded=True):
    """The two circles of the campaign on the brand colour (square corners for Apple, which
    rounds them itself)."""
    scale = 4  # drawn larger, then reduced: smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    radius = big // 6 if rounded else 0
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=radius, fill=artwork.BRAND)
    ring = big * 0.24
    width = max(scale * 2, round(big * 0.075))
    centre_y = big / 2
    for centre_x, colour in ((big * 0.38, artwork.ACCENT), (big * 0.62, artwork.WHITE)):
        draw.ellipse(
            (centre_x - ring, centre_y - ring, centre_x + ring, centre_y + ring),
            outline=colour,
            width=width,
        )
    return image.resize((size, size), Image.LANCZOS)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        icon(size).save(OUT / f"icon-{size}.png", optimize=True)
    icon(180, rounded=False).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)
    icon(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    default = artwork.Artwork(
        title="Week van de Verbinding",
        eyebrow="Simpel met Impact",
        lines=["Samen tegen eenzaamheid en polarisatie · Together against loneliness"],
        hashtag="#WeekvandeVerbinding",
    )
    artwork.render(default, artwork.SIZES["landscape"]).save(
        OUT / "share-default.png", optimize=True
    )


if __name__ == "__main__":
    main()
