"""The organiser's private page (a signed link, no account, revoked by a new key): the sign-ups
and the waiting list, a CSV download, close or reopen sign-ups, cancel the activity, and a
message to everyone signed up (sent by the site; the organiser never sees their addresses)."""

import csv
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.models import ActivityPage
from core.page_cache import invalidate
from core.spreadsheets import spreadsheet_safe

from . import allocation, emails, tokens
from .forms import CancelActivityForm, MessageForm, ProposalForm
from .models import OrganiserMessage, SignUp

CSV_FIELDS = ("status", "name", "people", "phone", "note", "language", "created_at")
MESSAGE_WINDOW = timedelta(hours=24)
PROPOSAL_SENT = _(
    "Thank you: your changes wait for a moderator. The page stays as it is until they are approved."
)
PROPOSAL_WAITING = _(
    "Earlier changes are still waiting for a moderator. Try again once they have been reviewed."
)
TOO_MANY_MESSAGES = _("You have sent the most messages for today. Try again tomorrow.")


def messages_per_day():
    return getattr(settings, "SIGNUPS_ORGANISER_MESSAGES_PER_DAY", 3)


def signups_of(activity):
    return SignUp.objects.of_activity(activity).exclude(status=SignUp.Status.UNCONFIRMED)


def messages_left(activity, now=None):
    since = (now or timezone.now()) - MESSAGE_WINDOW
    sent = OrganiserMessage.objects.filter(activity=activity, sent_at__gte=since).count()
    return max(0, messages_per_day() - sent)


def organiser_page(request, token):
    access = tokens.organiser_access(token)
    activity = access.activity
    cancel_form, message_form, organiser_notice = cancel_form_for(), MessageForm(), None
    proposal_form = proposal_form_for(initial=proposal_initial(activity))
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("close", "open") and not activity.cancelled:
            set_closed(activity, action == "close")
            return redirect(request.path)
        if action == "cancel" and not activity.cancelled:
            cancel_form = cancel_form_for(request.POST)
            if cancel_form.is_valid():
                cancel_activity(activity, cancel_form.cleaned_data["message"])
                return redirect(request.path)
        if action == "message":
            message_form = MessageForm(request.POST)
            if message_form.is_valid():
                count = send_message(activity, **message_form.cleaned_data)
                if count is None:
                    organiser_notice = TOO_MANY_MESSAGES
                else:
                    organiser_notice = gettext(
                        "Your message is being sent to %(count)s people."
                    ) % {"count": count}
                    message_form = MessageForm()
        if action == "propose":
            proposal_form = proposal_form_for(request.POST)
            if proposal_form.is_valid():
                proposed = propose_changes(activity, proposal_form.cleaned_data)
                organiser_notice = PROPOSAL_SENT if proposed else PROPOSAL_WAITING
    activity.refresh_from_db()
    signups = signups_of(activity).order_by("status", "confirmed_at", "pk")
    context = {
        "activity": activity,
        "confirmed": [s for s in signups if s.status == SignUp.Status.CONFIRMED],
        "waiting": [s for s in signups if s.status == SignUp.Status.WAITING],
        "people": signups.filter(status=SignUp.Status.CONFIRMED).aggregate(n=Sum("people"))["n"]
        or 0,
        "cancel_form": cancel_form,
        "message_form": message_form,
        "proposal_form": proposal_form,
        "messages_left": messages_left(activity),
        "organiser_notice": organiser_notice,
        "token": token,
    }
    return TemplateResponse(request, "signups/organiser.html", context)


def organiser_csv(request, token):
    """The sign-ups as CSV; what participants typed never runs as a formula."""
    activity = tokens.organiser_access(token).activity
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = slugify(f"{activity.title} sign-ups") or "sign-ups"
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_FIELDS)
    for signup in signups_of(activity).exclude(status=SignUp.Status.CANCELLED):
        writer.writerow(spreadsheet_safe(str(getattr(signup, name))) for name in CSV_FIELDS)
    response["Cache-Control"] = "no-store"
    return response


def set_closed(activity, closed):
    with transaction.atomic():
        allocation.lock_activity(activity)
        ActivityPage.objects.filter(translation_key=activity.translation_key).update(
            signups_closed=closed
        )
        invalidate()


def cancel_activity(activity, message=""):
    """Cancel in every language; everyone confirmed or waiting is e-mailed. The page, its JSON
    and iCal say it is cancelled (a new page-cache generation)."""
    with transaction.atomic():
        allocation.lock_activity(activity)
        ActivityPage.objects.filter(translation_key=activity.translation_key).update(cancelled=True)
        for signup in SignUp.objects.of_activity(activity).active().select_related("activity"):
            emails.activity_cancelled(signup, message)
        invalidate()


def send_message(activity, subject, message):
    """Queue the message for everyone confirmed or waiting; None when the organiser has sent
    the most messages of the last 24 hours (counted under the activity's lock)."""
    with transaction.atomic():
        allocation.lock_activity(activity)
        if not messages_left(activity):
            return None
        signups = list(SignUp.objects.of_activity(activity).active().select_related("activity"))
        for signup in signups:
            emails.organiser_message(signup, subject, message)
        OrganiserMessage.objects.create(activity=activity, recipients=len(signups))
    return len(signups)


def cancel_form_for(data=None):
    return CancelActivityForm(data, auto_id="cancel_%s")  # ids of its own on a page of forms


def proposal_form_for(data=None, initial=None):
    return ProposalForm(data, initial=initial, auto_id="proposal_%s")


def proposal_initial(activity):
    return {
        "title": activity.title,
        "introduction": activity.introduction,
        "description": strip_tags(activity.description),
    }


def propose_changes(activity, texts):
    """A new revision with the proposed texts, put into the review workflow (requested by
    nobody, like a public submission); the live page stays as approved. False while an earlier
    review is still open."""
    if activity.workflow_in_progress:
        return False
    draft = activity.get_latest_revision_as_object()
    for name, value in texts.items():
        setattr(draft, name, value)
    draft.save_revision(log_action=True)
    workflow = activity.get_workflow()
    if workflow is not None:
        workflow.start(activity, user=None)
    return True
