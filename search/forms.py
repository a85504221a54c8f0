from django import forms
from django.utils.translation import gettext_lazy as _

from core.visibility import public_pages
from core.widgets import FilterSelect
from editions.models import EditionPage

from .service import MAX_QUERY_LENGTH, SearchFilters, clean_query


class SearchForm(forms.Form):
    """The search box and its filters. Unknown filter values are dropped, never an error page."""

    query = forms.CharField(label=_("What are you looking for?"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False, widget=FilterSelect)
    year = forms.TypedChoiceField(
        label=_("Edition"), required=False, coerce=int, empty_value=None, widget=FilterSelect
    )
    province = forms.ChoiceField(label=_("Province"), required=False, widget=FilterSelect)

    def __init__(self, data, *, site_search):
        data = data.copy()
        data["query"] = clean_query(data.get("query", ""))
        super().__init__(data)
        self.fields["query"].widget.attrs.update(
            {"maxlength": MAX_QUERY_LENGTH, "type": "search", "autocomplete": "off"}
        )
        types = site_search.types
        self.fields["type"].choices = [("", _("All types"))] + [(t.key, t.label) for t in types]
        self.fields["year"].choices = [("", _("All editions"))] + edition_years(site_search)
        provinces = province_choices(types)
        self.fields["province"].choices = [("", _("All provinces"))] + provinces
        if not provinces:
            del self.fields["province"]

    def filters(self):
        self.is_valid()
        data = self.cleaned_data
        return SearchFilters(
            type_key=data.get("type") or "",
            year=data.get("year"),
            province=data.get("province") or "",
        )

    @property
    def search_query(self):
        self.is_valid()
        return self.cleaned_data.get("query", "")


def edition_years(site_search):
    if not any(search_type.year_field for search_type in site_search.types):
        return []
    years = (
        public_pages(EditionPage.objects.filter(locale=site_search.locale))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return [(year, str(year)) for year in years]


def province_choices(types):
    choices = {}
    for search_type in types:
        if search_type.province_field:
            model_field = search_type.model._meta.get_field(search_type.province_field)
            choices.update(model_field.choices or [])
    return list(choices.items())
