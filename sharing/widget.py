"""The embeddable widget: an edition's activities for another site's iframe, filtered like the
overview (`place`, `distance`, `province`, `kind`...) and on an organising team (`team=<id>`),
as a list and optionally a map (`view=map`). Its address is `<edition>/activiteiten/embed/`
(`activities/embed/` in English).

Only this route may be framed by other sites: it answers without X-Frame-Options and with the
Content-Security-Policy's frame-ancestors of WIDGET_FRAME_ANCESTORS; every other address keeps
the site's policy (frame-ancestors 'self', X-Frame-Options DENY). Its links open the full site
in a new tab; search engines are asked not to index it (the overview is the page to find).

The kit page of an edition (sharing/kit.py) has the generator of the embed code.
"""

from urllib.parse import urlencode

from csp.decorators import csp_replace
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt

from activities import overview
from activities.routes import edition_route, under
from core.forms import PageChoiceField
from core.provinces import Province
from core.visibility import public_pages
from places.maps import map_background
from teams.models import TeamPage

WIDGET_SIZE = 10
WIDGET_PARAMETERS = (*overview.FEED_PARAMETERS, "team", "view")


def team_choice(request, edition):
    """The team of `team=<id>` when it is a public team of the edition's language, else None."""
    field = PageChoiceField(
        queryset=public_pages(TeamPage.objects.filter(locale_id=edition.locale_id)),
        required=False,
    )
    try:
        return field.clean(request.GET.get("team", ""))
    except forms.ValidationError:
        return None


@csp_replace({"frame-ancestors": settings.WIDGET_FRAME_ANCESTORS})
@xframe_options_exempt
def widget(request, edition):
    form, activities = overview.filtered(request, edition)
    team = team_choice(request, edition)
    if team is not None:
        activities = activities.filter(team=team)
    show_map = request.GET.get("view") == "map"
    markers = overview.map_markers(activities, form, edition.get_url(request)) if show_map else None
    query = form.applied() | ({"team": team.pk} if team is not None else {})
    context = {
        "page": edition,
        "team": team,
        "where": form.where,
        "activities": Paginator(activities, WIDGET_SIZE).get_page(1),
        "overview_url": request.build_absolute_uri(
            overview.route_url(request, edition, "activities", form.query_string())
        ),
        "show_map": show_map,
        "map_markers": markers,
        "map_missing": overview.not_on_map(activities) if show_map else None,
        "map_shows_first": markers is not None and len(markers) >= overview.MAP_MARKER_LIMIT,
        "map_marker_limit": overview.MAP_MARKER_LIMIT,
        "map_background": map_background(),
        "query": urlencode(query),
    }
    return TemplateResponse(request, "sharing/widget.html", context)


WIDGET_ROUTE = edition_route(under("embed/"), "activities_embed", WIDGET_PARAMETERS, widget)


class EmbedCodeForm(forms.Form):
    """The generator on the kit page: which activities the widget shows."""

    place = forms.CharField(
        label=_("Place or postcode"),
        required=False,
        max_length=80,
        help_text=_("Activities within 10 km, for example “Utrecht” or “3511”."),
    )
    province = forms.ChoiceField(
        label=_("Province"), required=False, choices=[("", _("All provinces")), *Province.choices]
    )
    team = forms.ChoiceField(label=_("Organising team"), required=False)
    map = forms.BooleanField(label=_("Show a map above the list"), required=False)

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        teams = public_pages(TeamPage.objects.filter(locale_id=edition.locale_id)).order_by("title")
        self.fields["team"].choices = [("", _("All teams"))] + [
            (str(team.pk), team.title) for team in teams.only("pk", "title")
        ]

    def widget_query(self):
        if not self.is_valid():
            return ""
        values = {
            name: self.cleaned_data[name]
            for name in ("place", "province", "team")
            if self.cleaned_data.get(name)
        }
        if self.cleaned_data.get("map"):
            values["view"] = "map"
        return urlencode(values)


def embed_code(request, edition):
    """The generator's form and the iframe code for what it asks (None before it is sent)."""
    form = EmbedCodeForm(request.GET or None, edition=edition)
    url = request.build_absolute_uri(
        edition.get_url(request) + edition.reverse_subpage("activities_embed")
    )
    query = form.widget_query() if form.is_bound else ""
    src = f"{url}?{query}" if query else url
    height = 900 if "view=map" in query else 600
    return {
        "form": form,
        "src": src,
        "height": height,
        "code": (
            f'<iframe src="{src}" title="Week van de Verbinding" width="100%" '
            f'height="{height}" style="border:0" loading="lazy"></iframe>'
        ),
    }
