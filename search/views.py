from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from core.page_cache import query_parameters
from operations.cache import store_view_response

from .counting import count_cached_search, record_search
from .forms import SearchForm
from .service import SiteSearch


@require_GET
@query_parameters(*SearchForm.base_fields, "page")
def search(request):
    site_search = SiteSearch(Locale.get_active())
    form = SearchForm(request.GET, site_search=site_search)
    query, filters = form.search_query, form.filters()
    page_number = request.GET.get("page")
    outcome = site_search.run(query, filters, page_number)
    on_cache_hit = None
    if outcome.terms and page_number in (None, "", "1"):
        counted = (query, outcome.total, translation.get_language())
        record_search(*counted)
        on_cache_hit = (count_cached_search, counted)
    store_view_response(request, on_cache_hit)
    context = {
        "form": form,
        "search_query": query,
        "filters": filters,
        "outcome": outcome,
        "facets": facets(request, site_search, outcome, filters),
        "results": result_items(site_search, outcome),
        "unfiltered_url": url_with(request, type=None, year=None, province=None),
        "suggestions": site_search.suggestions() if outcome.terms and not outcome.total else [],
    }
    return TemplateResponse(request, "search/search.html", context)


def result_items(site_search, outcome):
    if not outcome.page:
        return []
    return [
        {
            "page": page,
            "type_label": site_search.type_of(page).label,
            "summary": site_search.type_of(page).summary_of(page),
        }
        for page in outcome.page
    ]


def facets(request, site_search, outcome, filters):
    if not outcome.terms:
        return []
    all_types = {
        "key": "",
        "label": None,
        "count": sum(outcome.counts.values()),
        "url": url_with(request, type=None),
        "is_current": not filters.type_key,
    }
    return [all_types] + [
        {
            "key": search_type.key,
            "label": search_type.label,
            "count": outcome.counts.get(search_type.key, 0),
            "url": url_with(request, type=search_type.key),
            "is_current": filters.type_key == search_type.key,
        }
        for search_type in site_search.types
    ]


def url_with(request, **changes):
    """The current search with some parameters changed (None removes one), back on page 1."""
    params = request.GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return f"?{params.urlencode()}"


@require_GET
@cache_control(max_age=60)
def suggest(request):
    """Titles that start with what the visitor is typing, for the progressively enhanced search box."""
    site_search = SiteSearch(Locale.get_active())
    pages = site_search.autocomplete(request.GET.get("query", "")[:100])
    suggestions = [
        {
            "title": page.title,
            "url": page.get_url(request),
            "type": str(site_search.type_of(page).label),
        }
        for page in pages
    ]
    return JsonResponse({"suggestions": suggestions})
