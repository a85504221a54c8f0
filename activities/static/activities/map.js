// The activity map: progressive enhancement of the overview's list. Reads its markers from
// data-markers-url (the overview's map data, fetched) or from the <script type="application/json">
// element named in data-marker-data (the widget); needs Leaflet (vendored) and places/outline.js.
(function () {
    "use strict";
    var container = document.getElementById("activity-map");
    if (!container || typeof L === "undefined" || !window.placesBackground) {
        return;
    }
    var fallback = document.querySelector("[data-map-fallback]");

    container.hidden = false;
    if (fallback) {
        fallback.hidden = true;
    }

    var map = L.map(container, { scrollWheelZoom: false });
    window.placesBackground(map, container);

    function popupFor(marker) {
        var content = document.createElement("div");
        var link = document.createElement("a");
        link.href = marker.url;
        link.textContent = marker.title;
        var details = document.createElement("p");
        details.textContent = marker.when + " · " + marker.place;
        content.appendChild(link);
        content.appendChild(details);
        return content;
    }

    function show(markers) {
        var points = markers.map(function (marker) {
            var point = [marker.lat, marker.lng];
            L.circleMarker(point, { radius: 7, color: "#1d4f91", weight: 2, fillOpacity: 0.7 })
                .bindPopup(popupFor(marker))
                .addTo(map);
            return point;
        });
        if (container.dataset.centreLat) {
            var centre = [parseFloat(container.dataset.centreLat), parseFloat(container.dataset.centreLng)];
            L.circleMarker(centre, { radius: 5, color: "#b3261e", weight: 3, fillOpacity: 1 })
                .bindTooltip(container.dataset.centreLabel || "")
                .addTo(map);
            points.push(centre);
        }
        if (points.length) {
            map.fitBounds(points, { padding: [24, 24], maxZoom: 12 });
        } else {
            map.setView([52.2, 5.3], 7);  // the Netherlands
        }
    }

    if (container.dataset.markersUrl) {
        map.setView([52.2, 5.3], 7);
        fetch(container.dataset.markersUrl, { headers: { Accept: "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { markers: [] }; })
            .then(function (data) { show(data.markers); })
            .catch(function () { show([]); });
    } else {
        var dataElement = document.getElementById(container.dataset.markerData);
        show(dataElement ? JSON.parse(dataElement.textContent) : []);
    }
})();
