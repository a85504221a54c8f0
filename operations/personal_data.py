"""Personal data in the background job queue: a queued e-mail holds its recipients and text."""

import json

from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from core.mail import deliver_email
from privacy.register import Action, LegalBasis, PersonalData, register

from .tasks import FAILED_JOBS_KEEP_DAYS


def mail_jobs():
    return DBTaskResult.objects.filter(task_path=deliver_email.module_path)


def mail_jobs_about(email):
    address = email.lower()
    about = [job.pk for job in mail_jobs() if address in json.dumps(job.args_kwargs).lower()]
    return DBTaskResult.objects.filter(pk__in=about)


register(
    PersonalData(
        key="outgoing_mail",
        model=DBTaskResult,
        fields=("args_kwargs",),
        label=_("Outgoing e-mail"),
        holds=_(
            "Every e-mail the site sends (receipts, decisions, messages to a team) waits in a "
            "queue with its addresses and text until it is sent."
        ),
        purpose=_("To send the e-mail again when the mail server is down for a while."),
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention_days=FAILED_JOBS_KEEP_DAYS,
        retention_start=_("at most %(period)s after it was queued"),
        action=Action.DELETE,
        expired=lambda cutoff: mail_jobs().filter(enqueued_at__lt=cutoff),
        find=mail_jobs_about,
    ),
)
