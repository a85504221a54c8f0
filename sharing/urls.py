from django.urls import path

from . import views

app_name = "sharing"

urlpatterns = [
    path(
        "share-images/<int:page_id>/<str:size>-<str:version>.png",
        views.page_image,
        name="page_image",
    ),
    path(
        "share-images/<int:page_id>/poster-<str:version>.pdf", views.page_poster, name="page_poster"
    ),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
