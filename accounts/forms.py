from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .devices import normalised, verified_device, waiting_after_failures

WRONG_CODE = _("This code is not right, or it has been used already. Try again.")
WAIT = _("Too many wrong codes: wait a minute, then try the code your app shows at that moment.")


class CodeForm(forms.Form):
    """A code from the authenticator app or a recovery code, checked against the user's devices
    (or, while setting up, against the one new authenticator). `device` is the one that took it."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, user, pending=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.pending = pending
        self.device = None

    def clean_code(self):
        code = normalised(self.cleaned_data["code"])
        # Asked before the check, which itself starts a new wait when the code is wrong.
        if self.pending is not None:
            waiting = not self.pending.verify_is_allowed()[0]
            self.device = self.pending if self.pending.verify_token(code) else None
        else:
            waiting = waiting_after_failures(self.user, code)
            self.device = verified_device(self.user, code)
        if self.device is None:
            raise forms.ValidationError(WAIT if waiting else WRONG_CODE)
        return code


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, whose password field has no label of its own: Django then shows
    the field name, "Password", untranslated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
