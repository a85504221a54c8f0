"""Every public page type, in every language it exists in, on a phone and a desktop:
no serious or critical axe-core violations. Screenshots go to artifacts/screenshots/."""

import pytest
from django.conf import settings

from .a11y import describe, overflowing_elements, serious_violations
from .conftest import VIEWPORTS
from .pages import public_pages

SCREENSHOTS = settings.BASE_DIR / "artifacts" / "screenshots"


@pytest.mark.slow
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_public_pages_have_no_serious_accessibility_violations(browser_context, viewport):
    page = browser_context(viewport, bypass_csp=True).new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = public_pages()
    problems = []
    for public in pages:
        response = page.goto(public.path)
        assert response.status == public.status, f"{public.path} answered {response.status}"
        if public.submit_empty_form:
            with page.expect_navigation():
                page.locator("main form button[type=submit]").click()
            assert page.locator(".form-errors").is_visible(), f"{public.path}: no errors shown"
        page.screenshot(
            path=SCREENSHOTS / f"{public.name}-{public.language}-{viewport}.png", full_page=True
        )
        where = f"{public.path} [{viewport}]"
        problems += describe(serious_violations(page), where)
        problems += [
            f"{where}: sticks out of the viewport: {el}" for el in overflowing_elements(page)
        ]
    assert {p.language for p in pages} >= {"nl"}
    assert not problems, "\n".join(problems)
