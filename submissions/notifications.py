"""Emails about public submissions: to the sender (receipt, decision) and to the moderators."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from moderation.roles import MODERATORS


def _send(template, context, recipient):
    subject = render_to_string(f"submissions/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"submissions/email/{template}.txt", context)
    send_mail(subject, body, None, [recipient])


def moderator_recipients():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(groups__name=MODERATORS).distinct()
    return [user for user in users if UserProfile.get_for_user(user).submitted_notifications]


def notify_moderators(item):
    edit_url = AdminURLFinder().get_edit_url(item)
    context = {
        "item": item,
        "model_name": item._meta.verbose_name,
        "admin_url": get_admin_base_url(),
    }
    context["edit_url"] = f"{get_admin_base_url()}{edit_url}" if edit_url else ""
    for user in moderator_recipients():
        with translation.override(user.wagtail_userprofile.get_preferred_language()):
            _send("new_submission", {**context, "user": user}, user.email)


def confirm_receipt(item):
    if item.email:
        with translation.override(item.language):
            _send("received", {"item": item}, item.email)


def tell_decision(item):
    if item.email and item.status != item.Status.PENDING:
        with translation.override(item.language):
            _send(item.status, {"item": item}, item.email)
