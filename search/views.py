from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("query", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": paginator.get_page(request.GET.get("page"))},
    )
