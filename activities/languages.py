"""The languages spoken at an activity: a short fixed list, stored on the page as space-separated
codes ("nl en"), chosen with checkboxes in the admin and the public form, one language at a time in
the overview's filter."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LANGUAGES_FIELD_LENGTH = 80


class SpokenLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    FRISIAN = "fy", _("Frisian")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    TURKISH = "tr", _("Turkish")
    ARABIC = "ar", _("Arabic")
    TIGRINYA = "ti", _("Tigrinya")
    PAPIAMENTO = "pap", _("Papiamento")
    SIGN_LANGUAGE = "dse", _("Dutch Sign Language (NGT)")


def language_codes(value):
    """The known codes of a stored value, in the list's order."""
    chosen = set((value or "").split())
    return [code for code in SpokenLanguage.values if code in chosen]


def speaks(code):
    """A filter on pages whose languages include this code."""
    return Q(languages__regex=rf"(^| ){code}( |$)")


class SpokenLanguagesFormField(forms.MultipleChoiceField):
    """Checkboxes for the languages; the cleaned value is the string the page stores."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, max_length=None, empty_value="", **kwargs):
        kwargs.pop("choices", None)
        super().__init__(choices=SpokenLanguage.choices, **kwargs)

    def prepare_value(self, value):
        return language_codes(value) if isinstance(value, str) else value

    def clean(self, value):
        return " ".join(language_codes(" ".join(super().clean(value))))

    def has_changed(self, initial, data):
        initial = initial if isinstance(initial, list) else language_codes(initial)
        return language_codes(" ".join(initial)) != language_codes(" ".join(data or []))


class SpokenLanguagesField(models.CharField):
    """The codes as one string in the database; checkboxes in every form made from the model."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", LANGUAGES_FIELD_LENGTH)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        kwargs.pop("widget", None)
        return super().formfield(**{**kwargs, "form_class": SpokenLanguagesFormField})
