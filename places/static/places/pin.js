// The pin map of the admin (places/panels.py): shows the latitude and longitude fields as a pin;
// dragging the pin or clicking the map writes the new position into the fields.
(function () {
    "use strict";
    var NETHERLANDS = [52.2, 5.3];

    function setUp(container) {
        var latitudeInput = document.getElementById(container.dataset.latitudeInput);
        var longitudeInput = document.getElementById(container.dataset.longitudeInput);
        if (!latitudeInput || !longitudeInput || typeof L === "undefined") {
            return;
        }
        container.hidden = false;
        var help = container.parentNode.querySelector("[data-pin-map-help]");
        if (help) {
            help.hidden = false;
        }
        var map = L.map(container, { scrollWheelZoom: false });
        window.placesBackground(map, container);
        var marker = null;

        function fieldsPoint() {
            var lat = parseFloat(latitudeInput.value.replace(",", "."));
            var lng = parseFloat(longitudeInput.value.replace(",", "."));
            return isNaN(lat) || isNaN(lng) ? null : [lat, lng];
        }

        function writeFields(latlng) {
            latitudeInput.value = latlng.lat.toFixed(5);
            longitudeInput.value = latlng.lng.toFixed(5);
            latitudeInput.dispatchEvent(new Event("change", { bubbles: true }));
            longitudeInput.dispatchEvent(new Event("change", { bubbles: true }));
        }

        function placeMarker(point) {
            if (marker) {
                marker.setLatLng(point);
                return;
            }
            marker = L.marker(point, { draggable: true, keyboard: true }).addTo(map);
            marker.on("dragend", function () {
                writeFields(marker.getLatLng());
            });
        }

        var start = fieldsPoint();
        if (start) {
            placeMarker(start);
            map.setView(start, 14);
        } else {
            map.setView(NETHERLANDS, 7);
        }
        map.on("click", function (event) {
            placeMarker(event.latlng);
            writeFields(event.latlng);
        });
        [latitudeInput, longitudeInput].forEach(function (input) {
            input.addEventListener("input", function () {
                var point = fieldsPoint();
                if (point) {
                    placeMarker(point);
                    map.panTo(point);
                }
            });
        });
    }

    function setUpAll() {
        document.querySelectorAll("[data-pin-map]").forEach(setUp);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpAll);
    } else {
        setUpAll();
    }
})();
