import logging

from django.db import DatabaseError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from . import notifications
from .models import UsedFormToken
from .protection import rate_limit_exceeded

logger = logging.getLogger(__name__)

SAVE_FAILED = _(
    "Something went wrong on our side and your form was not saved. Nothing you typed is lost: "
    "check it and send it again. If this keeps happening, please try again later."
)


class PublicSubmissionView(FormView):
    """Base view of a public form: rate limit, silent honeypot, exactly-once save, emails.

    Subclasses set form_class, template_name and success_url_name, and reviewer_group: the
    group told about each new item (moderation.roles names the groups).
    """

    success_url_name = None
    reviewer_group = None

    def post(self, request, *args, **kwargs):
        if rate_limit_exceeded(request, scope=type(self).__name__):
            return TemplateResponse(request, "submissions/rate_limited.html", status=429)
        return super().post(request, *args, **kwargs)

    def get_success_url(self):
        return reverse(self.success_url_name)

    def form_invalid(self, form):
        if form.is_spam:
            return redirect(self.get_success_url())
        return super().form_invalid(form)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                if UsedFormToken.claim(form.one_time_id):
                    item = self.save_submission(form)
                    transaction.on_commit(lambda: self.notify(item))
        except DatabaseError:
            # Rolled back, the token included: the visitor can send the same form again.
            logger.exception("Saving a public submission failed")
            form.add_error(None, SAVE_FAILED)
            return self.form_invalid(form)
        return redirect(self.get_success_url())

    def save_submission(self, form):
        item = form.save(commit=False)
        item.language = translation.get_language()
        item.save()
        return item

    def notify(self, item):
        notifications.confirm_receipt(item)
        notifications.notify_reviewers(item, self.reviewer_group)


class PageSubmissionView(PublicSubmissionView):
    """A public form that adds a draft page under get_parent() and starts its review.

    The parent is decided here, never by the visitor. Without one (no open edition, no team
    overview in this language) the form is closed.
    """

    template_name = "submissions/public_form_page.html"
    closed_template_name = "submissions/closed.html"
    heading = lead = submit_label = ""

    def get_parent(self):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        self.parent = self.get_parent()
        if self.parent is None:
            return TemplateResponse(request, self.closed_template_name)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "parent": self.parent}

    def get_context_data(self, **kwargs):
        return super().get_context_data(parent=self.parent, **kwargs)

    def save_submission(self, form):
        return form.save_for_review()

    def notify(self, contact):
        notifications.confirm_page_receipt(contact)


class SubmissionThanksView(TemplateView):
    """The confirmation page after a public form: as_view(heading=..., message=...)."""

    template_name = "submissions/thanks.html"
    heading = message = ""


def submission_urls(form_path, view, name, thanks_heading, thanks_message, thanks_name=None):
    """The form at `form_path` (translatable) named `name`, and its confirmation page."""
    thanks = SubmissionThanksView.as_view(heading=thanks_heading, message=thanks_message)
    return [
        path(form_path, view.as_view(), name=name),
        path(
            format_lazy("{}{}", form_path, _("thanks/")),
            thanks,
            name=thanks_name or f"{name}_thanks",
        ),
    ]
