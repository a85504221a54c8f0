"""The page "The week in numbers" of an edition and its downloads (routed by figures/routes.py)."""

import csv

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext

from activities.ical import calendar_for, ics_response
from activities.models import ActivityPage
from core.provinces import Province
from core.spreadsheets import spreadsheet_safe

from .charts import bar_chart, place_map, province_map
from .kept import edition_comparison, edition_places, place_with_figures
from .partners import partner_activities, partner_figures, partner_or_404, partner_teams


def figures_page(request, edition):
    comparison = edition_comparison(edition)
    figures = comparison[-1]
    context = edition.get_context(request)
    provinces = figures.provinces_in_order()
    context.update(
        figures=figures,
        earlier=comparison[:-1],
        comparison=comparison,
        comparison_rows=comparison_rows(comparison),
        day_chart=bar_chart((day_label(day), count) for day, count in figures.days()),
        province_chart=bar_chart((label, count) for _value, label, count in provinces),
        province_map=province_map(
            {value: count for value, _label, count in provinces},
            {value: label for value, label, _count in provinces},
        ),
        kind_chart=bar_chart((label, count) for _value, label, count in figures.kinds_in_order()),
        target_group_chart=bar_chart(
            (label, count) for _value, label, count in figures.target_groups_in_order()
        ),
        year_chart=bar_chart((str(edition.year), edition.activities) for edition in comparison),
    )
    return TemplateResponse(request, "figures/edition_figures.html", context)


def day_label(day):
    return date_format(day, "l j F")


def comparison_rows(comparison):
    """(label, [value per edition]) for the table of editions side by side."""
    rows = [
        (gettext("Activities"), [f.activities for f in comparison]),
        (gettext("of which online"), [f.online for f in comparison]),
        (gettext("Teams taking part"), [f.teams for f in comparison]),
        (gettext("Places"), [f.places for f in comparison]),
        (gettext("People reached"), [f.people_reached for f in comparison]),
        (gettext("Activities taking sign-ups"), [f.signup_activities for f in comparison]),
        (gettext("Places offered"), [f.places_offered for f in comparison]),
        (gettext("Signed up"), [f.signed_up for f in comparison]),
        (gettext("Provinces"), [f.provinces for f in comparison]),
    ]
    first = comparison[-1]
    for value, label, _count in first.provinces_in_order():
        rows.append((label, [f.per_province[value] for f in comparison]))
    for value, label, _count in first.kinds_in_order():
        rows.append((label, [f.per_kind[value] for f in comparison]))
    for value, label, _count in first.target_groups_in_order():
        rows.append((label, [f.per_target_group[value] for f in comparison]))
    return rows


def as_data(figures):
    """One edition's figures as plain data, keyed by the values the open data uses."""
    return {
        "year": figures.year,
        "title": figures.title,
        "start_date": figures.start_date.isoformat(),
        "end_date": figures.end_date.isoformat(),
        "activities": figures.activities,
        "online": figures.online,
        "teams": figures.teams,
        "places": figures.places,
        "people_reached": figures.people_reached,
        "signup_activities": figures.signup_activities,
        "places_offered": figures.places_offered,
        "signed_up": figures.signed_up,
        "provinces": figures.provinces,
        "outside_week": figures.outside_week(),
        "per_day": {day.isoformat(): count for day, count in figures.days()},
        "per_province": {value: count for value, _l, count in figures.provinces_in_order()},
        "per_kind": {value: count for value, _l, count in figures.kinds_in_order()},
        "per_target_group": {value: count for value, _l, count in figures.target_groups_in_order()},
    }


def figures_json(request, edition):
    comparison = edition_comparison(edition)
    data = as_data(comparison[-1])
    data["earlier_editions"] = [as_data(figures) for figures in reversed(comparison[:-1])]
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


CSV_HEADER = ("year", "edition", "figure", "key", "count")


def csv_rows(figures):
    """(year, edition, figure, key, count) rows of one edition: totals, then each breakdown."""
    data = as_data(figures)
    edition = data["year"], data["title"]
    totals = (
        "activities",
        "online",
        "teams",
        "places",
        "provinces",
        "outside_week",
        "people_reached",
        "signup_activities",
        "places_offered",
        "signed_up",
    )
    for name in totals:
        yield *edition, name, "", data[name]
    for breakdown in ("per_day", "per_province", "per_kind", "per_target_group"):
        for key, count in data[breakdown].items():
            yield *edition, breakdown, key, count


def figures_csv(request, edition):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = slugify(gettext("%(edition)s in numbers") % {"edition": edition.title})
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for figures in reversed(edition_comparison(edition)):
        for row in csv_rows(figures):
            writer.writerow(spreadsheet_safe(cell) for cell in row)
    return response


ACTIVITIES_PER_PAGE = 20


def place_index(request, edition):
    context = edition.get_context(request)
    context["places"] = list(edition_places(edition).values())
    return TemplateResponse(request, "figures/place_index.html", context)


def place_or_404(edition, slug):
    """(Place, its figures) of the edition's place with this slug, else a 404."""
    found = place_with_figures(edition, slug)
    if found is None:
        raise Http404(gettext("No activities in this place."))
    return found


def place_activities(edition, place):
    return ActivityPage.objects.public_of_edition(edition).filter(
        city__in=place.names, is_online=False
    )


def breakdown_charts(figures):
    """The charts per day, kind and target group of a place or partner page."""
    return {
        "day_chart": bar_chart((day_label(day), count) for day, count in figures.days()),
        "kind_chart": bar_chart(
            (label, count) for _value, label, count in figures.kinds_in_order()
        ),
        "target_group_chart": bar_chart(
            (label, count) for _value, label, count in figures.target_groups_in_order()
        ),
    }


def page_of(request, activities, count=None):
    """The requested page of the activities; `count`, when known, saves counting them."""
    paginator = Paginator(activities, ACTIVITIES_PER_PAGE)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    return paginator.get_page(request.GET.get("page"))


def place_page(request, edition, slug):
    place, figures = place_or_404(edition, slug)
    context = edition.get_context(request)
    context.update(
        breakdown_charts(figures),
        place=place,
        figures=figures,
        # the activities that count, as many as the kept figures say
        activities=page_of(
            request, place_activities(edition, place).filter(cancelled=False), place.activities
        ),
        place_map=place_map(
            place.province,
            place.activities,
            dict(Province.choices),
            place.latitude,
            place.longitude,
        ),
    )
    return TemplateResponse(request, "figures/place_page.html", context)


def partner_page(request, edition, slug):
    partner = partner_or_404(edition, slug)
    teams = list(partner_teams(edition, partner))
    figures = partner_figures(edition, partner, teams)
    context = edition.get_context(request)
    context.update(
        breakdown_charts(figures),
        partner=partner,
        teams=teams,
        figures=figures,
        activities=page_of(request, partner_activities(edition, teams)),
    )
    return TemplateResponse(request, "figures/partner_page.html", context)


def place_ics(request, edition, slug):
    place, _figures = place_or_404(edition, slug)
    name = gettext("%(edition)s in %(place)s") % {"edition": edition.title, "place": place.name}
    return ics_response(calendar_for(place_activities(edition, place), request, name), name)
