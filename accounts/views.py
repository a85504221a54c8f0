"""The second sign-in step, setting up the authenticator app, recovery codes, and the reset."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from submissions.protection import rate_limit_exceeded

from . import devices
from .forms import CodeForm
from .policy import has_authenticator, two_factor_required

NEW_CODES_SESSION_KEY = "two_factor_new_recovery_codes"
ENABLED = "accounts.two_factor.enable"
NEW_CODES = "accounts.two_factor.recovery_codes"
RESET = "accounts.two_factor.reset"
TOO_MANY_ATTEMPTS = _("Too many attempts. Wait a few minutes, then try again.")


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def show_new_codes(request, codes):
    """The new recovery codes are shown once, on the next page (then they are gone)."""
    request.session[NEW_CODES_SESSION_KEY] = codes
    query = urlencode({"next": next_url(request)})
    return redirect(f"{reverse('two_factor_recovery_codes')}?{query}")


class AdminPage(WagtailAdminTemplateMixin):
    """A page of the admin with its header: Home > Account > this page."""

    header_icon = "key"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]


@method_decorator(never_cache, name="dispatch")
class CodeFormView(FormView):
    """A form asking for a code, limited per account and address: the next post after
    SUBMISSIONS_RATE_LIMIT in SUBMISSIONS_RATE_WINDOW_SECONDS is refused with 429 unread."""

    form_class = CodeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=next_url(self.request), **kwargs)

    def post(self, request, *args, **kwargs):
        if rate_limit_exceeded(request, f"two-factor:{request.user.pk}"):
            blank = self.form_class(**{**self.get_form_kwargs(), "data": None})
            context = self.get_context_data(form=blank, too_many_attempts=TOO_MANY_ATTEMPTS)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)


class VerifyView(CodeFormView):
    template_name = "accounts/verify.html"

    def get(self, request, *args, **kwargs):
        if request.user.is_verified() or not has_authenticator(request.user):
            return redirect(next_url(request))
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        devices.mark_verified(self.request, form.device)
        return redirect(next_url(self.request))


class SetupView(CodeFormView):
    template_name = "accounts/setup.html"

    @cached_property
    def pending(self):
        return devices.pending_authenticator(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "pending": self.pending}

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            qr_code=devices.qr_code_data_uri(self.pending),
            secret=devices.secret_for_manual_entry(self.pending),
            required=two_factor_required(user),
            replacing=has_authenticator(user),
            **kwargs,
        )

    def form_valid(self, form):
        codes = devices.enable_authenticator(form.device)
        devices.mark_verified(self.request, form.device)
        log(self.request.user, ENABLED, user=self.request.user)
        return show_new_codes(self.request, codes)


class NewRecoveryCodesView(AdminPage, CodeFormView):
    template_name = "accounts/new_recovery_codes.html"
    page_title = _("New recovery codes")

    def dispatch(self, request, *args, **kwargs):
        if not has_authenticator(request.user):
            return redirect("two_factor")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        codes = devices.new_recovery_codes(self.request.user)
        log(self.request.user, NEW_CODES, user=self.request.user)
        return show_new_codes(self.request, codes)


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(AdminPage, TemplateView):
    template_name = "accounts/recovery_codes.html"
    page_title = _("Your recovery codes")

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
        if not codes:
            return redirect("two_factor")
        return self.render_to_response(self.get_context_data(codes=codes, next=next_url(request)))


class StatusView(AdminPage, TemplateView):
    template_name = "accounts/status.html"
    page_title = _("Two-factor authentication")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            enabled=has_authenticator(user),
            required=two_factor_required(user),
            recovery_codes_left=devices.recovery_codes_left(user),
            **kwargs,
        )


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """A superuser removes another account's authenticator and recovery codes (a lost phone):
    at the next sign-in that account sets up a new app, or, if it need not, signs in without."""

    template_name = "accounts/reset.html"
    page_title = _("Reset two-factor authentication")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("wagtailusers_users:index"), "label": _("Users")},
            {"url": "", "label": self.get_header_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.account = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.account.get_username()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            account=self.account, enabled=has_authenticator(self.account), **kwargs
        )

    def post(self, request, *args, **kwargs):
        devices.remove_two_factor(self.account)
        log(self.account, RESET, user=request.user)
        messages.success(
            request,
            _("Two-factor authentication of '%(user)s' has been reset.")
            % {"user": self.account.get_username()},
        )
        return redirect("wagtailusers_users:index")
