from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [path("privacy/", views.PrivacyStatementView.as_view(), name="statement")]
