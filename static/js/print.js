/* The print button of a print view: shown only when JavaScript can open the print dialogue. */
(function () {
    "use strict";
    var button = document.querySelector("[data-print-button]");
    var hint = document.querySelector("[data-print-hint]");
    if (!button || typeof window.print !== "function") { return; }
    button.hidden = false;
    if (hint) { hint.hidden = true; }
    button.addEventListener("click", function () { window.print(); });
}());
