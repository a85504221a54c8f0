from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.generic import FormView, TemplateView

from editions.models import EditionPage

from . import notifications
from .forms import StoryForm
from .models import UsedFormToken
from .protection import rate_limit_exceeded


class PublicSubmissionView(FormView):
    """Base view of a public form: rate limit, silent honeypot, exactly-once save, emails.

    Subclasses set form_class, template_name and success_url_name.
    """

    success_url_name = None

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
        with transaction.atomic():
            if UsedFormToken.claim(form.one_time_id):
                item = self.save_submission(form)
                transaction.on_commit(lambda: self.notify(item))
        return redirect(self.get_success_url())

    def save_submission(self, form):
        item = form.save(commit=False)
        item.language = translation.get_language()
        item.save()
        return item

    def notify(self, item):
        notifications.confirm_receipt(item)
        notifications.notify_moderators(item)


class StoryCreateView(PublicSubmissionView):
    form_class = StoryForm
    template_name = "submissions/story_form.html"
    success_url_name = "submissions:story_thanks"

    def get_initial(self):
        initial = super().get_initial()
        current = EditionPage.current_for_locale()
        initial["edition"] = self.request.GET.get("edition") or (current and current.pk)
        return initial


class StoryThanksView(TemplateView):
    template_name = "submissions/story_thanks.html"
