"""The host kit: for every public activity and edition a poster (PDF) and share images in the
sizes people post; per edition a kit page (`<edition>/promotiepakket/`, `promotion-kit/` in
English) with the edition's poster and images, the house rules and the embed code of the
widget."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.models import ActivityPage
from core.page_cache import query_parameters
from core.routes import translated_path
from editions.models import EditionPage

from .images import edition_of, version_of
from .widget import embed_code

KIT_SEGMENT = _("promotion-kit/")
KIT_ANCHOR = "poster-and-images"  # the heading of the downloads under a page's share links


def image_sizes():
    return [
        ("square", gettext("Square post"), "1080 × 1080"),
        ("story", gettext("Story"), "1080 × 1920"),
        ("landscape", gettext("Link preview and banner"), "1200 × 630"),
    ]


def downloads(page):
    """The poster and the share images of an activity or edition: None for other pages."""
    if not isinstance(page, ActivityPage | EditionPage):
        return None
    version = version_of(page, edition_of(page))
    images = [
        {
            "label": label,
            "dimensions": dimensions,
            "url": reverse(
                "sharing:page_image",
                kwargs={"page_id": page.pk, "size": size, "version": version},
            )
            + "?download",
        }
        for size, label, dimensions in image_sizes()
    ]
    poster = reverse("sharing:page_poster", kwargs={"page_id": page.pk, "version": version})
    return {"poster": poster, "images": images}


@translated_path(KIT_SEGMENT, name="kit")
@query_parameters("place", "province", "team", "map")
def kit_route(edition, request):
    context = edition.get_context(request)
    context["downloads"] = downloads(edition)
    context["embed"] = embed_code(request, edition)
    return TemplateResponse(request, "sharing/edition_kit.html", context)
