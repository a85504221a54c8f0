/* The overview's folded filters: open on a wide screen, where they fit beside the results;
   folded on a phone (the page works the same without this script, folded). */
(function () {
    "use strict";
    if (!window.matchMedia || !window.matchMedia("(min-width: 48rem)").matches) { return; }
    document.querySelectorAll("details[data-open-on-wide-screens]").forEach(function (details) {
        details.open = true;
    });
}());
