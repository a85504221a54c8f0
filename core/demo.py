"""Helpers for the idempotent demo content loaders of each app."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale

DEMO_COLLECTION_TAG = "demo"


def source_locale():
    return Locale.get_default()


def demo_image(title, colour, label, size=(1200, 630)):
    """A locally drawn image with a coloured background and a label, created once by title."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=max(size[1] // 8, 12))
    draw.text((size[0] // 2, size[1] // 2), label, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    image = image_model(title=title, file=ImageFile(buffer, name=f"{slug}.png"))
    image.save()
    return image


def child_page(parent, model, slug, **fields):
    """Return the child of `parent` with this slug, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
