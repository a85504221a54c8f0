from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from operations import views as operations_views
from search import views as search_views
from sharing import feeds as sharing_feeds
from sharing import views as sharing_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's own routes of the same name (see operations.views.returning_to_a_path).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        operations_views.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("operations.urls")),
    path("", include("sharing.urls")),
    path("robots.txt", sharing_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sharing_views.sitemap, name="sitemap"),
    path("favicon.ico", sharing_views.favicon, name="favicon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("feeds/ideas/", sharing_feeds.ideas_feed, name="ideas_feed"),
    path("", include("stories.urls")),
    path("", include("activities.urls")),
    path("", include("signups.urls")),
    path("", include("teams.urls")),
    path("", include("privacy.urls")),
    path("", include("followups.urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        operations_views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
