from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import QueryFilterForm

from .models import FACT_FIELDS, IdeaPage, Organiser, Theme

RELATION_LOOKUPS = {"theme": "themes", "organiser": "organisers"}


def fact_filter(name):
    field = IdeaPage._meta.get_field(name)
    return forms.ChoiceField(
        choices=[("", _("Any"))] + list(field.choices),
        required=False,
        label=capfirst(field.verbose_name),
    )


def facet_filter(label, empty_label):
    """A choice among snippets by slug; the queryset is set per locale by the form."""
    return forms.ModelChoiceField(
        Theme.objects.none(),
        to_field_name="slug",
        required=False,
        label=label,
        empty_label=empty_label,
    )


class IdeaFilterForm(QueryFilterForm):
    """The toolkit filters. Values that do not validate are dropped; the others still apply."""

    theme = facet_filter(_("Theme"), _("All themes"))
    organiser = facet_filter(_("Who organises it"), _("Any organiser"))

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["theme"].queryset = Theme.objects.filter(locale=locale, live=True)
        self.fields["organiser"].queryset = Organiser.objects.filter(locale=locale, live=True)
        for name in FACT_FIELDS:
            self.fields[name] = fact_filter(name)

    def apply(self, ideas):
        for name, value in self.applied().items():
            ideas = ideas.filter(**{RELATION_LOOKUPS.get(name, name): value})
        return ideas

    @property
    def themes(self):
        return self.fields["theme"].queryset

    def display_form(self):
        """An unbound copy showing only the filters that apply, without error messages."""
        return IdeaFilterForm(locale=self.locale, initial=self.applied())
