from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from moderation.roles import WORKFLOW_NAME, setup_roles


class Command(BaseCommand):
    help = (
        "Create or repair the editorial groups, their permissions and the review workflow "
        "(idempotent: missing permissions are added, extra ones on these groups removed)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            groups = setup_roles(apps)
        names = ", ".join(groups)
        self.stdout.write(
            self.style.SUCCESS(f"Roles in place: {names}. Workflow: {WORKFLOW_NAME}.")
        )
