from django import template

from stories.models import Story

register = template.Library()

STORY_WALL_SIZE = 24


@register.inclusion_tag("stories/story_wall.html")
def story_wall(edition):
    """The newest approved stories of an edition, in any language (one query)."""
    stories = (
        Story.objects.approved()
        .filter(edition__translation_key=edition.translation_key)
        .order_by("-created_at")[:STORY_WALL_SIZE]
    )
    return {"stories": list(stories), "edition": edition}
