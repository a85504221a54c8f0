"""Flat admin listings of one page type (ideas, teams, activities) in the main menu.

Wagtail's page tree makes an editor walk Home → section → page; these listings show every page of
a type the user may edit, in every language, with an "add" button that asks for the parent where
there is more than one (an edition, for activities). Each app registers its own in wagtail_hooks.py.
"""

from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permissions import page_permission_policy

EDITING_ACTIONS = ["change", "publish"]


def editable_pages(user, model):
    """Pages of `model` the user may change or publish."""
    pages = page_permission_policy.instances_user_has_any_permission_for(user, EDITING_ACTIONS)
    return model.objects.filter(pk__in=pages.values("pk"))


class PageTypeMenuItem(MenuItem):
    model = None

    def is_shown(self, request):
        """Only for people with something to do there: no empty listing for a team editor."""
        return editable_pages(request.user, self.model).exists()


class PageTypeListingViewSet(PageListingViewSet):
    add_to_admin_menu = True

    @cached_property
    def menu_item_class(self):
        return type(f"{self.model.__name__}MenuItem", (PageTypeMenuItem,), {"model": self.model})
