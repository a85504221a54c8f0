"""Builders for idea toolkit fixtures: themes, organisers, the index and many ideas at once."""

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from devtools.bulk import bulk_add_live_children
from ideas.models import IdeaIndexPage, IdeaPage, Organiser, Theme
from tests.factories import publish

STEPS_BODY = [("steps", {"heading": "", "steps": ["Zet koffie", "Bel aan bij de buren"]})]


def make_idea_index(home):
    return publish(home, IdeaIndexPage(title="Ideeën", slug="ideeen", show_in_menus=True))


def make_theme(name, slug=None, locale=None):
    return Theme.objects.create(
        name=name, slug=slug or name.lower(), locale=locale or Locale.get_default()
    )


def make_organiser(name, slug=None, locale=None):
    return Organiser.objects.create(
        name=name, slug=slug or name.lower(), locale=locale or Locale.get_default()
    )


def make_idea(index, title, themes=(), organisers=(), live=True, **fields):
    """A live idea without revisions: the quick way to fill a toolkit for listing tests."""
    fields.setdefault("slug", slugify(title))
    fields.setdefault("body", STEPS_BODY)
    idea = IdeaPage(
        title=title,
        live=live,
        first_published_at=timezone.now(),
        themes=list(themes),
        organisers=list(organisers),
        **fields,
    )
    index.add_child(instance=idea)
    return idea


def make_ideas(index, count, prefix="Idee", themes=(), organisers=(), **fields):
    """Many live ideas at once (devtools.bulk: no revisions, no search indexing), the themes and
    organisers in one query each."""
    titles = [f"{prefix} {number:03d}" for number in range(count)]
    ideas = [IdeaPage(title=t, slug=slugify(t), body=STEPS_BODY, **fields) for t in titles]
    bulk_add_live_children(index, ideas)
    link_all(IdeaPage.themes.through, "theme_id", ideas, themes)
    link_all(IdeaPage.organisers.through, "organiser_id", ideas, organisers)
    return list(IdeaPage.objects.filter(pk__in=[idea.pk for idea in ideas]))


def link_all(through, column, pages, targets):
    links = [through(ideapage_id=page.pk, **{column: t.pk}) for page in pages for t in targets]
    through.objects.bulk_create(links)
