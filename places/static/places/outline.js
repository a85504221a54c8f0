// The background of the site's Leaflet maps, from the map element's data attributes: the tile
// server (data-tile-url, data-attribution) if one is set, else the Netherlands and its provinces
// from a GeoJSON file served by this site (data-outline-url), so the map never asks another site.
window.placesBackground = function (map, container) {
    "use strict";
    if (container.dataset.tileUrl) {
        L.tileLayer(container.dataset.tileUrl, {
            maxZoom: 19,
            attribution: container.dataset.attribution || ""
        }).addTo(map);
        return;
    }
    var url = container.dataset.outlineUrl;
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
