// Share buttons (sharing/templates/sharing/buttons.html): "copy link" where the browser may
// write to the clipboard, the phone's own share menu where it has the Web Share API. Without
// JavaScript the plain links remain.
(function () {
    "use strict";
    document.querySelectorAll("[data-share-url]").forEach(function (box) {
        var url = box.getAttribute("data-share-url");
        var title = box.getAttribute("data-share-title");
        var native = box.querySelector("[data-share-native]");
        var copy = box.querySelector("[data-share-copy]");
        var status = box.querySelector("[data-share-status]");
        if (native && navigator.share && window.matchMedia("(pointer: coarse)").matches) {
            native.parentNode.hidden = false;
            native.addEventListener("click", function () {
                navigator.share({ title: title, url: url }).catch(function () {});
            });
        }
        if (copy && navigator.clipboard && window.isSecureContext) {
            copy.parentNode.hidden = false;
            copy.addEventListener("click", function () {
                navigator.clipboard.writeText(url).then(function () {
                    status.textContent = copy.getAttribute("data-copied");
                });
            });
        }
    });
})();
