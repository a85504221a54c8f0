from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from moderation.teams import grant_team_editor, revoke_team_editor


class Command(BaseCommand):
    help = "Let a user edit one team page and the pages below it (or take that away with --revoke)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("page_id", type=int)
        parser.add_argument("--revoke", action="store_true")

    def handle(self, *args, username, page_id, revoke, **options):
        user = get_user_model().objects.filter(username=username).first()
        page = Page.objects.filter(pk=page_id, depth__gt=1).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        if page is None:
            raise CommandError(f"No page with id {page_id}.")
        if revoke:
            revoke_team_editor(user, page)
            self.stdout.write(f"{username} can no longer edit {page.title!r} (page {page.pk}).")
        else:
            grant_team_editor(user, page)
            self.stdout.write(f"{username} can now edit {page.title!r} (page {page.pk}) and below.")
