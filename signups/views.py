"""The participant's side: the form, the confirmation link, the private link, and the places
left for pages the page cache keeps (`places`)."""

from django.db import IntegrityError, transaction
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from activities.models import ActivityPage
from core.forms import positive_number
from core.visibility import public_pages
from submissions.views import PublicSubmissionView

from . import allocation, emails, tokens
from .availability import public_activity, refusal
from .forms import PeopleForm, SignUpForm
from .models import SignUp

MAX_PLACES_IDS = 100


class SignUpView(PublicSubmissionView):
    """The sign-up form of one activity: the protections of every public form (honeypot, time
    trap, one-time token, rate limit, consent). The same address twice: one sign-up, and the
    link is e-mailed again."""

    form_class = SignUpForm
    template_name = "signups/signup_form.html"

    def dispatch(self, request, *args, activity_id, **kwargs):
        self.activity = public_activity(activity_id)
        self.duplicate = False
        reason = refusal(self.activity)
        if reason:
            return closed(request, self.activity, reason)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "activity": self.activity}

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, **kwargs)

    def get_success_url(self):
        name = "signups:already" if self.duplicate else "signups:thanks"
        return reverse(name, args=[self.activity.pk])

    def save_submission(self, form):
        existing = self.existing(form.cleaned_data["email"])
        if existing is not None:
            self.duplicate = True
            return existing
        signup = form.save(commit=False)
        signup.activity = self.activity
        signup.language = translation.get_language()
        try:
            with transaction.atomic():
                signup.save()
        except IntegrityError:  # the same address at the same moment
            self.duplicate = True
            return self.existing(signup.email)
        return signup

    def existing(self, email):
        signups = SignUp.objects.of_activity(self.activity).exclude(status=SignUp.Status.CANCELLED)
        return signups.select_related("activity").filter(email=email).first()

    def notify(self, signup):
        if self.duplicate:
            emails.already_signed_up(signup)
        else:
            emails.confirm_address(signup)


def closed(request, activity, reason, status=200):
    context = {"activity": activity, "reason": reason}
    return TemplateResponse(request, "signups/closed.html", context, status=status)


def thanks(request, activity_id, already=False):
    activity = public_activity(activity_id)
    return TemplateResponse(
        request, "signups/thanks.html", {"activity": activity, "already": already}
    )


def confirm(request, token):
    """The link in the first e-mail: a page with a button (mail programs that open links to
    check them must not confirm), and the POST that takes the places."""
    signup = tokens.signup_to_confirm(token)
    activity = signup.activity
    if signup.status == SignUp.Status.UNCONFIRMED:
        reason = refusal(activity)
        if reason:
            return closed(request, activity, reason)
        if request.method == "POST":
            signup = allocation.confirm(signup)
            return redirect("signups:manage", tokens.manage_token(signup))
        return TemplateResponse(request, "signups/confirm.html", {"signup": signup})
    if signup.status == SignUp.Status.CANCELLED:
        raise Http404
    return redirect("signups:manage", tokens.manage_token(signup))


def manage(request, token):
    """The participant's private link: see the sign-up, change the number of people, cancel,
    delete."""
    signup = tokens.signup_to_manage(token)
    form = PeopleForm(initial={"people": signup.people})
    error = None
    if request.method == "POST" and signup.status != SignUp.Status.UNCONFIRMED:
        action = request.POST.get("action")
        if action == "delete":
            allocation.delete(signup)
            return TemplateResponse(request, "signups/deleted.html", {"activity": signup.activity})
        if action == "cancel" and signup.is_active:
            allocation.cancel(signup)
            return redirect(request.path)
        if action == "people" and signup.is_active:
            form = PeopleForm(request.POST)
            if form.is_valid():
                try:
                    allocation.change_people(signup, form.cleaned_data["people"])
                    return redirect(request.path)
                except allocation.SignUpRefused as refused:
                    error = str(refused)
    signup.refresh_from_db()
    return TemplateResponse(
        request,
        "signups/manage.html",
        {"signup": signup, "activity": signup.activity, "form": form, "error": error},
    )


@require_GET
def places(request):
    """{id: places text} for up to MAX_PLACES_IDS public activities (`?ids=1,2,3`), never
    cached: the pages showing the counts may come from the page cache."""
    ids = [positive_number(part) for part in request.GET.get("ids", "").split(",")[:MAX_PLACES_IDS]]
    activities = public_pages(ActivityPage.objects.filter(pk__in=[pk for pk in ids if pk]))
    fields = ("pk", "capacity", "signup_on_site", *ActivityPage.SIGNUP_STATE_FIELDS)
    data = {str(activity.pk): activity.places_text() for activity in activities.only(*fields)}
    response = JsonResponse(data)
    response["Cache-Control"] = "no-store"
    return response
