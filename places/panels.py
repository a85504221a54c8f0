from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .maps import map_background


class PinMapPanel(Panel):
    """A map under the latitude and longitude fields: the pin shows where they point; dragging
    it or clicking the map fills them in (places/static/places/pin.js). Without JavaScript the
    fields work as they are. The page may say where its coordinates come from
    (`location_summary()`)."""

    def __init__(self, latitude="latitude", longitude="longitude", **kwargs):
        kwargs.setdefault("heading", _("Pin on the map"))
        super().__init__(**kwargs)
        self.latitude, self.longitude = latitude, longitude

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "latitude": self.latitude, "longitude": self.longitude}

    @property
    def clean_name(self):
        return super().clean_name or "pin_map"

    class BoundPanel(Panel.BoundPanel):
        template_name = "places/pin_map_panel.html"

        class Media:
            css = {"all": ["vendor/leaflet/leaflet.css", "places/map.css"]}
            js = ["vendor/leaflet/leaflet.js", "places/outline.js", "places/pin.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            summary = getattr(self.instance, "location_summary", None)
            context.update(
                latitude_input=self.form[self.panel.latitude].id_for_label,
                longitude_input=self.form[self.panel.longitude].id_for_label,
                summary=summary() if summary else "",
                **map_background(),
            )
            return context
