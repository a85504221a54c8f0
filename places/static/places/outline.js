// The background of a Leaflet map without a tile server: the Netherlands and its provinces,
// from a GeoJSON file served by this site (data-outline-url), so the map never asks another site.
window.placesOutline = function (map, url) {
    "use strict";
    if (!url || !window.fetch) {
        return;
    }
    fetch(url, { credentials: "same-origin" })
        .then(function (response) {
            return response.ok ? response.json() : null;
        })
        .then(function (outline) {
            if (!outline) {
                return;
            }
            var layer = L.geoJSON(outline, {
                interactive: false,
                style: { color: "#7a8b99", weight: 1, fillColor: "#f4f1e8", fillOpacity: 1 }
            }).addTo(map);
            layer.bringToBack();
        })
        .catch(function () {});
};
