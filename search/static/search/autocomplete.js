/*
 * Suggestions while typing in the site search box. Without JavaScript the form works as is.
 * The suggestions are links in a list under the box: Arrow Down moves into the list,
 * Arrow Up/Down move between links, Escape closes the list and returns to the box.
 */
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY_MS = 200;

    function setUp(input) {
        var url = input.getAttribute("data-suggest-url");
        var statusText = input.getAttribute("data-suggest-status") || "{count}";
        var list = document.createElement("ul");
        var status = document.createElement("p");
        var timer = null;
        var lastQuery = "";

        list.id = input.id + "-suggestions";
        list.className = "search-autocomplete";
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.parentNode.appendChild(list);
        input.parentNode.appendChild(status);
        // aria-expanded is only allowed on a combobox, not on a plain search field.
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-controls", list.id);
        input.setAttribute("aria-expanded", "false");

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function render(suggestions) {
            list.textContent = "";
            suggestions.forEach(function (suggestion) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                var type = document.createElement("span");
                link.href = suggestion.url;
                link.textContent = suggestion.title;
                type.className = "search-autocomplete__type";
                type.textContent = suggestion.type;
                link.appendChild(type);
                item.appendChild(link);
                list.appendChild(item);
            });
            list.hidden = suggestions.length === 0;
            input.setAttribute("aria-expanded", String(suggestions.length > 0));
            status.textContent = suggestions.length ? statusText.replace("{count}", suggestions.length) : "";
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) { return; }
            lastQuery = query;
            if (query.length < MIN_LENGTH) { render([]); return; }
            fetch(url + "?query=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) { if (input.value.trim() === query) { render(data.suggestions); } })
                .catch(function () { render([]); });
        }

        function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && !list.hidden) { event.preventDefault(); links()[0].focus(); }
            if (event.key === "Escape") { close(); }
        });
        list.addEventListener("keydown", function (event) {
            var all = links();
            var index = all.indexOf(document.activeElement);
            if (event.key === "ArrowDown" && index < all.length - 1) { event.preventDefault(); all[index + 1].focus(); }
            if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? all[index - 1] : input).focus(); }
            if (event.key === "Escape") { close(); input.focus(); }
        });
        document.addEventListener("click", function (event) {
            if (!input.parentNode.contains(event.target)) { close(); }
        });
    }

    document.querySelectorAll("input[data-suggest-url]").forEach(setUp);
}());
