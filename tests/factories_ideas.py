"""Builders for idea toolkit fixtures: themes, organisers, the index and many ideas at once."""

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from ideas.models import Audience, IdeaIndexPage, IdeaPage, Theme
from tests.factories import publish

STEPS_BODY = [("steps", {"heading": "", "steps": ["Zet koffie", "Bel aan bij de buren"]})]


def make_idea_index(home):
    return publish(home, IdeaIndexPage(title="Ideeën", slug="ideeen", show_in_menus=True))


def make_theme(name, slug=None, locale=None):
    return Theme.objects.create(name=name, slug=slug or name.lower(), locale=locale or Locale.get_default())


def make_audience(name, slug=None, locale=None):
    return Audience.objects.create(
        name=name, slug=slug or name.lower(), locale=locale or Locale.get_default()
    )


def make_idea(index, title, themes=(), audiences=(), live=True, **fields):
    """A live idea without revisions: the quick way to fill a toolkit for listing tests."""
    fields.setdefault("slug", slugify(title))
    fields.setdefault("body", STEPS_BODY)
    idea = IdeaPage(
        title=title,
        live=live,
        first_published_at=timezone.now(),
        themes=list(themes),
        audiences=list(audiences),
        **fields,
    )
    index.add_child(instance=idea)
    return idea


def make_ideas(index, count, prefix="Idee", themes=(), audiences=(), **fields):
    return [
        make_idea(index, f"{prefix} {number:03d}", themes=themes, audiences=audiences, **fields)
        for number in range(count)
    ]
