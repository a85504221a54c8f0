"""Images and documents of the demo content, each made once (found again by title)."""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

FILES = Path(__file__).with_name("data") / "files"


def demo_image(title, colour, label, size=(1200, 630)):
    """A locally drawn image with a coloured background and a label."""
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


def demo_document(title, file):
    """A document with the content of data/files/<file>."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is None:
        document = document_model(title=title)
        document.file.save(file, ContentFile((FILES / file).read_bytes()))
        document.save()
    return document
