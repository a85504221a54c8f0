"""The e-mails of sign-ups, each in the language the person signed up in, queued by core/mail.py
when the transaction commits (the reminders: in it, see tasks.py). Templates:
signups/email/<name>.txt and <name>_subject.txt."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify

from core.mail import build_email, send_email_later

from . import tokens


def site_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def links(signup):
    return {
        "confirm_url": site_url(reverse("signups:confirm", args=[tokens.confirm_token(signup)])),
        "manage_url": site_url(reverse("signups:manage", args=[tokens.manage_token(signup)])),
    }


def render(name, context):
    subject = render_to_string(f"signups/email/{name}_subject.txt", context).strip()
    return subject, render_to_string(f"signups/email/{name}.txt", context)


def compose(signup, name, extra=None, with_calendar=False):
    """(subject, body, attachments) of one e-mail to one participant, in their language."""
    activity = signup.activity
    with translation.override(signup.language):
        context = {"signup": signup, "activity": activity, **links(signup), **(extra or {})}
        context["activity_url"] = activity.get_full_url()
        subject, body = render(name, context)
        attachments = [calendar_attachment(activity)] if with_calendar else []
    return subject, body, attachments


def calendar_attachment(activity):
    from activities.ical import calendar_for

    calendar = calendar_for([activity], None, activity.title)
    return (f"{slugify(activity.title) or 'activity'}.ics", calendar.to_ical(), "text/calendar")


def send(signup, name, extra=None, with_calendar=False):
    subject, body, attachments = compose(signup, name, extra, with_calendar)
    send_email_later(subject, body, [signup.email], attachments=attachments)


def confirm_address(signup):
    send(signup, "confirm_address")


def confirmed(signup):
    send(signup, "confirmed", with_calendar=True)


def waiting(signup):
    send(signup, "waiting")


def moved_up(signup):
    send(signup, "moved_up", with_calendar=True)


def already_signed_up(signup):
    send(signup, "already_signed_up")


def reminder_message(signup):
    subject, body, attachments = compose(signup, "reminder", with_calendar=True)
    return build_email(subject, body, [signup.email], attachments=attachments)


def activity_cancelled(signup, message):
    send(signup, "activity_cancelled", {"message": message})


def organiser_message(signup, subject, message):
    send(signup, "organiser_message", {"subject": subject, "message": message})


def organiser_link(access, email, language):
    activity = access.activity
    with translation.override(language):
        url = site_url(reverse("signups:organiser", args=[tokens.organiser_token(access)]))
        subject, body = render(
            "organiser_link", {"activity": activity, "organiser_url": url, "access": access}
        )
    send_email_later(subject, body, [email])
