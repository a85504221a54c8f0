from django.core.management.base import BaseCommand

from activities.listing import refresh_all
from activities.models import ActivityPage


class Command(BaseCommand):
    help = (
        "Recompute which edition's overview lists each activity (activities.listing), after "
        "changes made past Django: raw SQL, a restored backup. Saving and publishing keep it "
        "up to date by themselves."
    )

    def handle(self, *args, **options):
        refresh_all()
        listed = ActivityPage.objects.exclude(listed_in=None).count()
        self.stdout.write(f"{listed} of {ActivityPage.objects.count()} activities are listed.")
