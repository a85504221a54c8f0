"""Every email of the site is sent by one background job, after the transaction that caused it.

A request never talks to the mail server: it queues the message when its transaction commits (a
decision or submission that is rolled back sends nothing), and the worker (`manage.py db_worker`)
delivers it through EMAIL_DELIVERY_BACKEND. When the mail server fails, the job tries again later,
a bounded number of times. A message is sent at most once, however often its job runs.
Line breaks are taken out of every header value (subject, addresses, names) before the message is
built, so text a visitor typed cannot add headers or make a message impossible to send.

The site's own code calls send_email_later(). Django's and Wagtail's mails (password reset, review
and comment notifications) reach the same job through EMAIL_BACKEND = QueuedEmailBackend.
"""

import base64
import logging
import smtplib
from datetime import timedelta
from email.mime.base import MIMEBase
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import SentEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
# Doubled after each failed attempt: the eighth try is about two hours after the first.
FIRST_RETRY_SECONDS = 60
RETRIED_ERRORS = (smtplib.SMTPException, OSError)  # OSError: refused, unreachable, timed out


def one_line(value):
    """A header value without line breaks (or runs of spaces)."""
    return " ".join(str(value).split())


def send_email_later(
    subject, body, to, *, reply_to=(), html=None, from_email=None, attachments=(), bcc=()
):
    """Queue an email to the addresses `to`; it is sent after the current transaction commits.

    `attachments`: (filename, content, mimetype) triples, small ones (an .ics): they travel in
    the job. Returns the message id. The subject is put on one line: a line break in a header is
    refused.
    """
    return queue_email(build_email(subject, body, to, reply_to, html, from_email, attachments, bcc))


def build_email(subject, body, to, reply_to=(), html=None, from_email=None, attachments=(), bcc=()):
    subject = " ".join(str(subject).split())
    message = EmailMultiAlternatives(
        subject, body, from_email, list(to), bcc=list(bcc), reply_to=list(reply_to)
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def queue_email_now(message):
    """Queue the message inside the current transaction (the database queue shares it), so that
    whatever the caller writes and the queued email commit together or not at all: for jobs that
    must neither lose nor repeat a message (a claim and its email). Returns the message id."""
    data = message_data(message)
    deliver_email.enqueue(data)
    return data["headers"]["Message-ID"]


def queue_email(message):
    """Queue a Django EmailMessage for deliver_email when the transaction commits."""
    data = message_data(message)
    # robust: a queue that cannot be reached is logged; it never fails what was already committed.
    transaction.on_commit(lambda: deliver_email.enqueue(data), robust=True)
    return data["headers"]["Message-ID"]


class QueuedEmailBackend(BaseEmailBackend):
    """EMAIL_BACKEND of the site: each message is queued for deliver_email instead of sent."""

    def send_messages(self, email_messages):
        for message in email_messages:
            queue_email(message)
        return len(email_messages)


def message_data(message):
    """The message as JSON for the job, every header value on one line, with a fixed Message-ID
    (the id that keeps it from being sent twice)."""
    headers = {name: one_line(value) for name, value in message.extra_headers.items()}
    given_ids = [headers.pop(name) for name in list(headers) if name.lower() == "message-id"]
    headers["Message-ID"] = given_ids[0] if given_ids else make_msgid(domain=DNS_NAME)
    return {
        "subject": one_line(message.subject),
        "body": str(message.body),
        "from_email": one_line(message.from_email),
        "to": [one_line(address) for address in message.to],
        "cc": [one_line(address) for address in message.cc],
        "bcc": [one_line(address) for address in message.bcc],
        "reply_to": [one_line(address) for address in message.reply_to],
        "headers": headers,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [attachment_data(attachment) for attachment in message.attachments],
    }


def attachment_data(attachment):
    """[filename, base64 content, mimetype] of a small attachment (JSON for the job)."""
    if isinstance(attachment, MIMEBase):
        raise ValueError("Queued emails take attachments as (filename, content, mimetype).")
    filename, content, mimetype = attachment
    raw = content.encode() if isinstance(content, str) else bytes(content)
    return [one_line(filename), base64.b64encode(raw).decode("ascii"), mimetype]


def build_message(data, connection):
    alternatives = data["alternatives"]
    attachments = data.get("attachments", [])  # jobs queued before attachments had none
    fields = {
        key: value for key, value in data.items() if key not in ("alternatives", "attachments")
    }
    message = EmailMultiAlternatives(**fields, connection=connection)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in attachments:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@task()
def deliver_email(data, attempt=1):
    """Send one queued message, unless it has been sent before. When the mail server fails, try
    again later (up to MAX_ATTEMPTS); the last failure marks the job as failed."""
    message_id = data["headers"]["Message-ID"]
    if not SentEmail.claim(message_id):
        return "already sent"
    try:
        build_message(data, get_connection(settings.EMAIL_DELIVERY_BACKEND)).send()
    except Exception as error:
        SentEmail.release(message_id)
        if not isinstance(error, RETRIED_ERRORS) or attempt >= MAX_ATTEMPTS:
            raise
        return retry_later(data, attempt, error)
    return "sent"


def retry_later(data, attempt, error):
    retry_at = timezone.now() + timedelta(seconds=FIRST_RETRY_SECONDS * 2 ** (attempt - 1))
    deliver_email.using(run_after=retry_at).enqueue(data, attempt + 1)
    logger.warning(
        "Email %s not sent (attempt %s of %s: %r); next attempt at %s",
        data["headers"]["Message-ID"],
        attempt,
        MAX_ATTEMPTS,
        error,
        retry_at.isoformat(),
    )
    return f"retry at {retry_at.isoformat()}"
