"""Accessibility helpers: axe-core (vendored, no network) and keyboard focus checks."""

from pathlib import Path

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}

RUN_AXE = """async () => {
    const results = await axe.run(document, {resultTypes: ["violations"]});
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map(n => n.target.join(" ")).slice(0, 5),
    }));
}"""

# The focused element's visible indicator, as the browser computes it.
FOCUS_STATE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    const label = (el.getAttribute("aria-label") || el.innerText || el.value || el.name || "")
        .trim().slice(0, 40);
    return {
        tag: el.tagName.toLowerCase(), id: el.id, name: el.name || "", label: label,
        href: el.getAttribute("href"),
        visible_focus: Boolean(outline || shadow),
        in_nav: Boolean(el.closest("nav")), in_form: Boolean(el.closest("main form")),
        in_footer: Boolean(el.closest("footer")),
        selector: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
            (el.name ? "[name=" + el.name + "]" : ""),
        index: Array.from(document.querySelectorAll("*")).indexOf(el),
    };
}"""


# Elements that stick out past the right edge of the viewport (WCAG 1.4.10 reflow): text that
# must be scrolled sideways on a phone.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll("body *"))
        .filter(el => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > width + 1 && !el.closest(".visually-hidden");
        })
        .map(el => el.tagName.toLowerCase() + (el.className ? "." + el.className : "") +
            " " + (el.innerText || "").trim().slice(0, 30));
}"""


def overflowing_elements(page):
    return page.evaluate(OVERFLOWING)


def serious_violations(page):
    """axe-core violations of serious or critical impact on the page as it is now."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate(RUN_AXE)
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(violations, where):
    return [
        f"{where}: {v['id']} ({v['impact']}) {v['help']} at {', '.join(v['targets'])}"
        for v in violations
    ]


def tab_through(page, limit=120):
    """Press Tab from the top of a freshly loaded page until focus leaves the document.

    Returns the focus state after each press. Reaching `limit` presses without leaving the
    document means focus is trapped somewhere (or the page has far too many stops).
    """
    states = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            return states
        states.append(state)
    raise AssertionError(f"focus never left the page after {limit} Tab presses: {states[-5:]}")


def assert_keyboard_friendly(states):
    """Each stop shows its focus, and focus only moves forward through the document."""
    invisible = [s["selector"] for s in states if not s["visible_focus"]]
    assert not invisible, f"no visible focus on {invisible}"
    positions = [s["index"] for s in states]
    assert positions == sorted(set(positions)), f"Tab order jumps back or repeats: {states}"
