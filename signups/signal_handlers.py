"""When an activity that takes sign-ups on this site is published: its places are counted again
(the number may have changed, and the waiting list moves up into new places), and the person who
sent it in through the public form gets their private organiser link, once."""

from django.db import transaction
from wagtail.signals import page_published

from activities.models import ActivityPage
from submissions.models import SubmitterContact

from . import allocation, emails
from .models import OrganiserAccess


def activity_published(sender, instance, **kwargs):
    activity = instance
    if not activity.signup_on_site:
        return
    allocation.recount(activity)
    contact = SubmitterContact.objects.filter(page=activity).first()
    if contact is None:
        return
    with transaction.atomic():
        access, created = OrganiserAccess.objects.get_or_create(activity=activity)
        if created:
            emails.organiser_link(access, contact.email, contact.language)


def register():
    page_published.connect(activity_published, sender=ActivityPage, dispatch_uid="signups")
