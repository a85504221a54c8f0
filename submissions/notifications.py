"""Emails about public submissions: to the sender (receipt, decision) and to the reviewers.

Each is queued and sent by the background worker after the transaction commits (core/mail.py).
The emails to the sender of an item are the templates `<app>/email/<name>.txt` of the item's
app (received, approved, rejected, each with a `_subject`); those about pages and to the
reviewers are this app's.
"""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from core.mail import send_email_later


def _send(template, context, recipient, app_label="submissions"):
    subject = render_to_string(f"{app_label}/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"{app_label}/email/{template}.txt", context)
    send_email_later(subject, body, [recipient])


def _send_about(item, template):
    with translation.override(item.language):
        _send(template, {"item": item}, item.email, item._meta.app_label)


def reviewers(group_name):
    """The active members of the group with an address who want to hear of submissions."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(groups__name=group_name).distinct()
    return [user for user in users if UserProfile.get_for_user(user).submitted_notifications]


def notify_reviewers(item, group_name):
    edit_url = AdminURLFinder().get_edit_url(item)
    context = {
        "item": item,
        "model_name": item._meta.verbose_name,
        "admin_url": get_admin_base_url(),
    }
    context["edit_url"] = f"{get_admin_base_url()}{edit_url}" if edit_url else ""
    for user in reviewers(group_name):
        with translation.override(user.wagtail_userprofile.get_preferred_language()):
            _send("new_submission", {**context, "user": user}, user.email)


def confirm_receipt(item):
    if item.email:
        _send_about(item, "received")


def tell_decision(item):
    if item.email and item.status != item.Status.PENDING:
        _send_about(item, item.status)


def _page_context(contact, **extra):
    page = contact.page.specific
    return {"contact": contact, "page": page, "kind": page._meta.verbose_name, **extra}


def confirm_page_receipt(contact):
    with translation.override(contact.language):
        _send("page_received", _page_context(contact), contact.email)


def tell_page_approved(contact):
    with translation.override(contact.language):
        _send("page_approved", _page_context(contact, url=contact.page.full_url), contact.email)


def tell_page_rejected(contact, comment):
    with translation.override(contact.language):
        _send("page_rejected", _page_context(contact, comment=comment), contact.email)
