// wagtail-localize's translation editor writes the heading of its texts as
// "<source language> to <target language> translation" in English, whatever the admin's language
// (a template literal in its JavaScript, not a translatable string). This puts the translated
// heading from #localization-editor-texts in its place, also after the editor draws it again.
// tests/test_upstream_canaries.py checks that the editor still writes that heading.
(() => {
    const root = document.querySelector(".js-translation-editor");
    const data = document.getElementById("localization-editor-texts");
    if (!root || !data) {
        return;
    }
    const { heading, replacement } = JSON.parse(data.textContent);
    if (heading === replacement) {
        return;
    }
    const translate = () => {
        root.querySelectorAll("h3").forEach((element) => {
            if (element.textContent === heading) {
                element.textContent = replacement;
            }
        });
    };
    new MutationObserver(translate).observe(root, {
        childList: true,
        subtree: true,
        characterData: true,
    });
    translate();
})();
