"""Emails about public submissions: to the sender (receipt, decision) and to the moderators.

Each is queued and sent by the background worker after the transaction commits (core/mail.py).
"""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url
from wagtail.users.models import UserProfile

from core.mail import send_email_later
from moderation.roles import MODERATORS


def _send(template, context, recipient):
    subject = render_to_string(f"submissions/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"submissions/email/{template}.txt", context)
    send_email_later(subject, body, [recipient])


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
