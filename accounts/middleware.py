from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from .policy import pending_step

# What the second step itself needs: signing in and out, and the admin's script translations
# and icons its pages load.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


class TwoFactorMiddleware:
    """In the admin (every URL under it: Wagtail's, wagtail-localize's, this site's), a signed-in
    account that has an authenticator, or must have one, reaches only its second step until it
    is done: the code (verify) or setting up the app (setup). Outside the admin such an account
    is an anonymous visitor (login-restricted pages and private documents stay closed).
    Needs django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        step = pending_step(user)
        if step is None:
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            request.user = AnonymousUser()
            return None
        view_name = request.resolver_match.view_name
        if view_name == step or view_name in OPEN_VIEWS:
            return None
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")


class AdminLanguageMiddleware:
    """The admin speaks the site's source language (Dutch), not the browser's: Wagtail follows
    Accept-Language on its login page and for every user without a language chosen under
    Account, which gave an English login page and English dates to a browser set to English.
    A language chosen in the account still wins (Wagtail activates it inside its views).
    After django.middleware.locale.LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
