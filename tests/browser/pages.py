"""The public page types of the site, found in the database so that new page types are covered."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from ideas.models import Theme


@dataclass(frozen=True)
class PublicPage:
    name: str
    language: str
    path: str
    status: int = 200
    # Send the form on the page empty, to check the page that shows the errors.
    submit_empty_form: bool = False


def page_type_samples():
    """One live, public page of every page type in every language (the first in tree order)."""
    samples = {}
    pages = Page.objects.live().public().filter(depth__gt=1).order_by("path").specific()
    for page in pages.select_related("locale"):
        key = (page.specific_class.__name__, page.locale.language_code)
        samples.setdefault(key, page)
    return [
        PublicPage(name=name, language=language, path=page.url)
        for (name, language), page in sorted(samples.items())
    ]


def route_samples(samples):
    """Sub-pages that routable pages serve: the print versions of ideas, themes and activities,
    and the filters of the toolkit."""
    extra = []
    for sample in samples:
        if sample.name == "IdeaPage":
            extra.append(PublicPage("IdeaPrint", sample.language, f"{sample.path}print/"))
        if sample.name == "ActivityPage":
            extra.append(PublicPage("ActivityPrint", sample.language, f"{sample.path}print/"))
        if sample.name == "IdeaIndexPage":
            filtered = f"{sample.path}?cost=free&setting=indoor"
            extra.append(PublicPage("IdeaIndexFiltered", sample.language, filtered))
            theme = Theme.objects.filter(locale__language_code=sample.language).first()
            if theme:
                themed = f"{sample.path}print/{theme.slug}/"
                extra.append(PublicPage("IdeaThemePrint", sample.language, themed))
    return extra


def view_samples(language, search_term):
    """Pages that are views rather than Wagtail pages: search, forms, a 404."""
    with translation.override(language):
        search = reverse("search")
        story_form = reverse("stories:create")
        story_thanks = reverse("stories:thanks")
    return [
        PublicPage("SearchResults", language, f"{search}?query={search_term}"),
        PublicPage("StoryForm", language, story_form),
        PublicPage("StoryFormErrors", language, story_form, submit_empty_form=True),
        PublicPage("StoryThanks", language, story_thanks),
        PublicPage("NotFound", language, f"/{language}/deze-pagina-bestaat-niet/", status=404),
    ]


def public_pages():
    pages = page_type_samples()
    pages += route_samples(pages)
    languages = sorted({page.language for page in pages})
    for language in languages:
        pages += view_samples(language, "verbinding" if language == "nl" else "connection")
    return pages
