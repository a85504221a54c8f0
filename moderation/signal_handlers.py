from django.apps import apps
from django.db.models.signals import post_save
from wagtail.models import Page

from .roles import sync_role_page_permissions


def grant_roles_on_new_language_root(sender, instance, created, raw=False, **kwargs):
    """A new home page of a language gets the roles' page permissions straight away."""
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        sync_role_page_permissions(apps)


def register():
    post_save.connect(grant_roles_on_new_language_root, dispatch_uid="moderation_language_root")
