"""What a shared link and a search engine see of a page: description, canonical address, Open
Graph and Twitter/X card tags, the share image.

Every value comes from the page itself (no query), except the language alternates, which the
language links of the site frame already work out (core/templatetags/site_tags.py).
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.models import Page

from editions.models import EditionPage
from ideas.models import IdeaIndexPage, IdeaPage

from .images import share_image

DESCRIPTION_LENGTH = 160
# og:locale wants a territory: the language of each site language as spoken where it is meant.
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
THEME_COLOUR = "#0b4f8a"  # --color-brand in static/css/site.css


def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)


def site_description():
    return gettext(
        "A national week in December in which people, companies, schools, clubs and "
        "neighbourhoods organise small activities that bring people together."
    )


def description_of(page):
    """The editors' search description, else the introduction, else the site's description:
    one line of at most DESCRIPTION_LENGTH characters."""
    text = ""
    if isinstance(page, Page):
        text = page.search_description or getattr(page, "introduction", "") or ""
    text = " ".join(text.split()) or site_description()
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def canonical_url(request):
    """The address without its query string: a filtered overview, a page of results or a link
    with tracking parameters all name the one address search engines should keep."""
    return request.build_absolute_uri(request.path)


def full_url(request, page):
    """A page's address on the host the visitor asked for (as the language links of base.html
    give it), not the Site's recorded host name."""
    return request.build_absolute_uri(page.get_url(request))


def absolute(request, url):
    return url if url.startswith(("http://", "https://")) else request.build_absolute_uri(url)


def social_meta(request, page, language_code, alternates):
    """The values of the head tags of one page (a dict for components/share_meta.html)."""
    is_page = isinstance(page, Page) and bool(page.pk)
    title = (page.seo_title or page.title) if is_page else gettext("Week van de Verbinding")
    image = share_image(page, request) if is_page else None
    return {
        "title": title,
        "description": description_of(page),
        "canonical": canonical_url(request),
        "site_name": gettext("Week van de Verbinding"),
        "og_type": "website",
        "og_locale": og_locale(language_code),
        "og_locale_alternates": [
            og_locale(link["code"])
            for link in alternates
            if link.get("is_translation") and link["code"] != language_code
        ],
        "image": (
            {**image, "url": absolute(request, image["url"])}
            if image
            else {
                "url": absolute(request, static("sharing/share-default.png")),
                "width": 1200,
                "height": 630,
                "alt": gettext("Week van de Verbinding"),
                "type": "image/png",
            }
        ),
        "theme_colour": THEME_COLOUR,
        "feeds": feed_links(request, page) if is_page else [],
    }


def feed_links(request, page):
    """The Atom feeds a page offers (for feed readers: <link rel="alternate">)."""
    if isinstance(page, IdeaIndexPage | IdeaPage):
        return [{"title": gettext("New ideas"), "url": reverse("ideas_feed")}]
    if isinstance(page, EditionPage):
        url = page.get_url(request) + page.reverse_subpage("activities_feed")
        query = request.META.get("QUERY_STRING", "")
        title = gettext("Activities %(edition)s") % {"edition": page.title}
        return [{"title": title, "url": f"{url}?{query}" if query else url}]
    return []
