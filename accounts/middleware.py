from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

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
