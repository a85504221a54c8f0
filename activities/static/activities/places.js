// Places left on a page the page cache may have kept for a while: ask the server for the
// current counts (one uncached request for every activity on the page) and show those.
(function () {
    "use strict";
    var script = document.currentScript;
    var url = script && script.getAttribute("data-places-url");
    var nodes = document.querySelectorAll("[data-places-activity]");
    if (!url || !nodes.length || !window.fetch) {
        return;
    }
    var ids = [];
    nodes.forEach(function (node) {
        ids.push(node.getAttribute("data-places-activity"));
    });
    fetch(url + "?ids=" + ids.join(","), { headers: { Accept: "application/json" } })
        .then(function (response) {
            return response.ok ? response.json() : {};
        })
        .then(function (places) {
            nodes.forEach(function (node) {
                var text = places[node.getAttribute("data-places-activity")];
                if (typeof text === "string" && node.textContent !== text) {
                    node.textContent = text;
                }
            });
        })
        .catch(function () {});
})();
