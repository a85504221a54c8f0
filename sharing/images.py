"""The share image of a page: the editor's image (Promote tab) cut to 1200×630, else one made
from the page with the campaign's look (sharing/artwork.py).

A made image is drawn once per version of the page and kept as a file in the media storage
(`share-images/<page id>/<size>-<version>.png`); the version changes when the page (or, for an
activity, its edition) is published again, so a changed page gets a new image at a new address
and the old files of that page are removed.
"""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page

from activities.models import ActivityPage
from editions.models import EditionPage

from . import artwork

EDITOR_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-85"
# Raise when the drawing changes: every made image is drawn again.
ARTWORK_VERSION = "2"
FOLDER = "share-images"


GENERAL_HASHTAG = "#WeekvandeVerbinding"
_NOT_LOOKED_UP = object()


def edition_of(page):
    """The edition an activity or edition page belongs to, else None (pages about the week in
    general get the general hashtag). Kept on the page object: the head, the share links and
    the structured data of one page ask for it."""
    edition = getattr(page, "_sharing_edition", _NOT_LOOKED_UP)
    if edition is _NOT_LOOKED_UP:
        edition = None
        if isinstance(page, EditionPage):
            edition = page
        elif isinstance(page, ActivityPage):
            edition = page.edition()
        page._sharing_edition = edition
    return edition


def artwork_for(page, edition):
    """What the made image of a page says, in the page's language."""
    with translation.override(page.locale.language_code):
        eyebrow = gettext("Week van de Verbinding")
        if edition is not None:
            eyebrow = " · ".join(
                part for part in (f"{eyebrow} {edition.year}", edition.theme) if part
            )
        lines = []
        if isinstance(page, ActivityPage):
            lines = [page.period(), page.location_text()]
        elif isinstance(page, EditionPage):
            lines = [edition_days(page)]
        return artwork.Artwork(
            title=page.title,
            eyebrow=eyebrow,
            lines=[line for line in lines if line],
            hashtag=edition.hashtag if edition is not None else GENERAL_HASHTAG,
        )


def edition_days(edition):
    from django.utils.dateformat import format as date_format

    return f"{date_format(edition.start_date, 'j F')} – {date_format(edition.end_date, 'j F Y')}"


def version_of(page, edition):
    parts = [
        ARTWORK_VERSION,
        str(page.pk),
        page.title,
        str(page.last_published_at),
        str(getattr(edition, "pk", "")),
        str(getattr(edition, "last_published_at", "")),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def made_file(page, kind, version, draw, extension="png"):
    """The name in the media storage of a made file of `page` (`kind`: a size of image, or
    "poster-<address hash>"): draw() gives its bytes when this version is not there yet, and
    older versions of the same kind are removed."""
    name = f"{FOLDER}/{page.pk}/{kind}-{version}.{extension}"
    if not default_storage.exists(name):
        remove_other_versions(page, kind, keep=name)
        name = default_storage.save(name, ContentFile(draw()))
    return name


def made_image(page, size_name="landscape"):
    """The made image of `page` in this size (a name in the media storage), drawn on first use."""
    edition = edition_of(page)

    def draw():
        image = artwork.render(artwork_for(page, edition), artwork.SIZES[size_name])
        return artwork.png_bytes(image)

    return made_file(page, size_name, version_of(page, edition), draw)


def remove_other_versions(page, kind, keep):
    folder = f"{FOLDER}/{page.pk}"
    try:
        _folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        path = f"{folder}/{name}"
        if name.startswith(f"{kind}-") and name.count("-") == kind.count("-") + 1 and path != keep:
            default_storage.delete(path)


def share_image(page, request=None):
    """{url, width, height, alt, type} of the share image of a page (the URL may be relative)."""
    page = page.specific if type(page) is Page else page
    editor_image = getattr(page, "share_image", None)
    if editor_image is not None:
        rendition = editor_image.get_rendition(EDITOR_IMAGE_SPEC)
        return {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": editor_image.default_alt_text or page.title,
            "type": "image/jpeg",
        }
    edition = edition_of(page)
    url = reverse(
        "sharing:page_image",
        kwargs={"page_id": page.pk, "size": "landscape", "version": version_of(page, edition)},
    )
    width, height = artwork.SIZES["landscape"]
    return {"url": url, "width": width, "height": height, "alt": page.title, "type": "image/png"}
