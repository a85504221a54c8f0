"""Open data for partners and press: an edition's published activities as JSON and as CSV.

The fields are an explicit whitelist of public facts. Nothing about the people behind an activity
(team contact addresses, page owners, submitters) is ever included.
"""

import csv

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils.text import slugify
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from core.spreadsheets import spreadsheet_safe

from .models import ActivityPage

JSON_PAGE_SIZE = 100

OPEN_DATA_FIELDS = (
    "id",
    "title",
    "url",
    "introduction",
    "starts_at",
    "ends_at",
    "related_event",
    "is_online",
    "location_name",
    "street_address",
    "postcode",
    "city",
    "province",
    "latitude",
    "longitude",
    "kind",
    "target_group",
    "cost",
    "price",
    "registration_required",
    "registration_url",
    "capacity",
    "signup_on_site",
    "places_left",
    "cancelled",
    "team",
    *ActivityPage.ACCESSIBILITY_FLAGS,
    "met_at_door",
    "languages",
)


class OpenActivitySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    team = serializers.SerializerMethodField()
    places_left = serializers.IntegerField(source="remaining_places", allow_null=True)
    languages = serializers.SerializerMethodField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)

    class Meta:
        model = ActivityPage
        fields = OPEN_DATA_FIELDS
        read_only_fields = OPEN_DATA_FIELDS

    def get_url(self, activity):
        return activity.get_full_url(self.context["request"])

    def get_languages(self, activity):
        """The codes of the languages spoken (activities.languages), a list."""
        return activity.language_codes()

    def get_team(self, activity):
        """The organising team's name when its page is public (activities.models
        with_listing_relations leaves `team` None otherwise)."""
        return activity.team.title if activity.team else None


class EditionActivitiesAPIView(APIView):
    """GET only, no authentication: published activities, the overview's filters, 100 a page."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    def get(self, request, *, edition, activities):
        page = Paginator(activities, JSON_PAGE_SIZE).get_page(request.query_params.get("page"))
        serializer = OpenActivitySerializer(
            page.object_list, many=True, context={"request": request}
        )
        return Response(
            {
                "edition": edition.year,
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "next": self.page_url(request, page.next_page_number())
                if page.has_next()
                else None,
                "previous": self.page_url(request, page.previous_page_number())
                if page.has_previous()
                else None,
                "results": serializer.data,
            }
        )

    def page_url(self, request, number):
        params = request.query_params.copy()
        params["page"] = number
        return request.build_absolute_uri(f"?{params.urlencode()}")


def csv_response(activities, request, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename)}.csv"'
    writer = csv.writer(response)
    writer.writerow(OPEN_DATA_FIELDS)
    rows = OpenActivitySerializer(activities, many=True, context={"request": request}).data
    for row in rows:
        writer.writerow(spreadsheet_safe(csv_value(row[name])) for name in OPEN_DATA_FIELDS)
    return response


def csv_value(value):
    """A list (the languages) as its items separated by spaces, like the page stores them."""
    return " ".join(value) if isinstance(value, list) else value
