"""sitemap.xml: every public page of the site in every language, each with the addresses of its
public translations (hreflang alternates, x-default the source language), and the activity
overview of every edition. Built on Wagtail's sitemap (wagtail.contrib.sitemaps)."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.visibility import public_pages
from editions.models import EditionPage

from .meta import full_url


def overview_segment(edition, language_code):
    """The overview's segment in that language (`activiteiten/`, `activities/`)."""
    with translation.override(language_code):
        return edition.reverse_subpage("activities")


class MultilingualSitemap(Sitemap):
    def home_pages(self):
        return self.get_wagtail_site().root_page.get_translations(inclusive=True)

    def items(self):
        trees = reduce(or_, (Q(path__startswith=home.path) for home in self.home_pages()))
        pages = public_pages(Page.objects.filter(trees)).select_related("locale")
        return pages.order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = self.alternates_of({item.translation_key for item in items})
        urls = []
        for item in items:
            versions = alternates.get(item.translation_key, {})
            urls.append(self.url_info(item, full_url(self.request, item), versions))
            if isinstance(item, EditionPage):  # the overview of its activities
                routes = {
                    code: url + overview_segment(item, code) for code, url in versions.items()
                }
                location = full_url(self.request, item) + overview_segment(
                    item, item.locale.language_code
                )
                urls.append(self.url_info(item, location, routes))
        lastmods = {url["lastmod"] for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def url_info(self, page, location, versions):
        alternates = [
            {"lang_code": code, "location": url} for code, url in sorted(versions.items())
        ]
        if settings.LANGUAGE_CODE in versions and len(versions) > 1:
            default = versions[settings.LANGUAGE_CODE]
            alternates.append({"lang_code": "x-default", "location": default})
        return {
            "item": page,
            "location": location,
            "lastmod": page.last_published_at or page.latest_revision_created_at,
            "alternates": alternates if len(versions) > 1 else [],
        }

    def alternates_of(self, translation_keys):
        """{translation_key: {language code: full URL}} of the public versions: one query."""
        versions = public_pages(Page.objects.filter(translation_key__in=translation_keys))
        found = defaultdict(dict)
        for version in versions.select_related("locale"):
            code = version.locale.language_code
            found[version.translation_key][code] = full_url(self.request, version)
        return found
