"""Remove the photo of a deleted story from storage."""

from django.db import transaction
from django.db.models.signals import post_delete

from .models import Story


def delete_story_photo(sender, instance, **kwargs):
    """The file goes once the deletion is committed: a rolled back deletion keeps its photo."""
    if instance.photo:
        storage, name = instance.photo.storage, instance.photo.name
        transaction.on_commit(lambda: storage.delete(name))


def register():
    post_delete.connect(delete_story_photo, sender=Story, dispatch_uid="stories_story_photo")
