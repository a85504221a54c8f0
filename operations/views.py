import functools
import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views

logger = logging.getLogger(__name__)


@never_cache
def health(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def returning_to_a_path(view):
    """Wagtail's password forms of restricted pages and documents answer with
    django.shortcuts.redirect(return_url), which takes a return_url without a slash or a dot
    for a URL name and raises NoReverseMatch (a server error). Their own form always sends a
    path; anything else returns to the home page."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not request.POST.get("return_url", "").startswith("/"):
            request.POST = request.POST.copy()
            request.POST["return_url"] = "/"
        return view(request, *args, **kwargs)

    return wrapped


page_password = returning_to_a_path(wagtail_views.authenticate_with_password)
document_password = returning_to_a_path(document_views.authenticate_with_password)
