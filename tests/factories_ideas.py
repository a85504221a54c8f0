"""Builders for idea toolkit fixtures: themes, organisers, the index and many ideas at once."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

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
    """Many live ideas at once: the page rows in one query, each idea row as a raw insert
    (no revisions, no search indexing), the themes and organisers in one query each."""
    index.refresh_from_db()
    rows = [
        idea_page_row(index, f"{prefix} {number:03d}", index.numchild + number + 1)
        for number in range(count)
    ]
    pages = Page.objects.bulk_create(rows)
    for page in pages:
        idea = IdeaPage(page_ptr_id=page.pk, body=STEPS_BODY, **fields)
        idea.save_base(raw=True, force_insert=True)
    link_all(IdeaPage.themes.through, "theme_id", pages, themes)
    link_all(IdeaPage.organisers.through, "organiser_id", pages, organisers)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    return list(IdeaPage.objects.filter(pk__in=[page.pk for page in pages]))


def idea_page_row(index, title, position):
    slug = slugify(title)
    now = timezone.now()
    return Page(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=ContentType.objects.get_for_model(IdeaPage),
        path=Page._get_path(index.path, index.depth + 1, position),
        depth=index.depth + 1,
        numchild=0,
        url_path=f"{index.url_path}{slug}/",
        locale_id=index.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
    )


def link_all(through, column, pages, targets):
    links = [through(ideapage_id=page.pk, **{column: t.pk}) for page in pages for t in targets]
    through.objects.bulk_create(links)
