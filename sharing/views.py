"""Addresses of the sharing app outside the language prefixes: the made share images, the web
app manifest, /favicon.ico, robots.txt and sitemap.xml."""

import hashlib

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from activities.models import ActivityPage
from core.page_cache import query_parameters
from core.visibility import is_public
from editions.models import EditionPage
from operations.cache import store_view_response

from . import artwork
from .images import edition_of, made_file, made_image, version_of
from .meta import THEME_COLOUR, full_url, site_description
from .posters import poster_pdf
from .sitemaps import MultilingualSitemap

YEAR = 365 * 24 * 60 * 60
DAY = 24 * 60 * 60


def public_page_or_404(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not is_public(page):
        raise Http404
    return page.specific


@require_GET
def page_image(request, page_id, size, version):
    """The made share image of a public page. An old version redirects to the current one; the
    current one is drawn on its first request and kept (sharing/images.py)."""
    if size not in artwork.SIZES:
        raise Http404
    page = public_page_or_404(page_id)
    current = version_of(page, edition_of(page))
    if version != current:
        kwargs = {"page_id": page.pk, "size": size, "version": current}
        return redirect(reverse("sharing:page_image", kwargs=kwargs))
    name = made_image(page, size)
    response = FileResponse(default_storage.open(name), content_type="image/png")
    if "download" in request.GET:
        response["Content-Disposition"] = f'attachment; filename="{page.slug}-{size}.png"'
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response


@require_GET
def page_poster(request, page_id, version):
    """The A4 poster (PDF) of a public activity or edition, in the page's language."""
    page = public_page_or_404(page_id)
    if not isinstance(page, ActivityPage | EditionPage):
        raise Http404
    current = version_of(page, edition_of(page))
    if version != current:
        kwargs = {"page_id": page.pk, "version": current}
        return redirect(reverse("sharing:page_poster", kwargs=kwargs))
    url = full_url(request, page)
    address = hashlib.sha256(url.encode()).hexdigest()[:8]  # the QR code holds the address
    name = made_file(page, f"poster-{address}", current, lambda: poster_pdf(page, url), "pdf")
    filename = f"poster-{page.slug}.pdf"
    response = FileResponse(
        default_storage.open(name), content_type="application/pdf", filename=filename
    )
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response


@require_GET
def manifest(request):
    icons = [
        {"src": static(f"sharing/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    icons.append({"src": static("sharing/icon.svg"), "sizes": "any", "type": "image/svg+xml"})
    response = JsonResponse(
        {
            "name": gettext("Week van de Verbinding"),
            "short_name": "WvdV",
            "description": site_description(),
            "start_url": "/",
            "display": "browser",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": icons,
        },
        content_type="application/manifest+json",
    )
    patch_cache_control(response, public=True, max_age=DAY)
    return response


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links to."""
    return redirect(static("sharing/favicon.ico"), permanent=True)


@require_GET
def robots_txt(request):
    """Crawlers: everything public, except the admin, the search results, filtered or sorted
    listings (any address with a query string but a page number) and the data exports."""
    languages = [code for code, _name in settings.LANGUAGES]
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /documents/", "Disallow: /_util/"]
    lines += [f"Disallow: /{code}/search/" for code in languages]
    lines += ["Disallow: /*?", "Allow: /*?page=", "Disallow: /*/json/", "Disallow: /*/csv/"]
    lines += ["Disallow: /*/ics/", "Disallow: /*/embed/", ""]
    lines += [f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=DAY)
    return response


@require_GET
@query_parameters()
def sitemap(request):
    """Kept by the page cache until content changes: it walks every public page."""
    store_view_response(request)
    return wagtail_sitemap(request, sitemaps={"pages": MultilingualSitemap})
