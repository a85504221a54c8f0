"""The fuzzer covers every public route: a new URL or page route without an endpoint fails here."""

from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from .endpoints import ENDPOINTS

# Every app of the project (a folder with an apps.py), as tests/test_architecture.py finds them.
PROJECT_APPS = {path.parent.name for path in Path(settings.BASE_DIR).glob("*/apps.py")}

# Anonymous visitors reach these admin views (the rest of the admin needs an account: every
# admin URL is tried by every role in tests/test_roles.py and tests/test_i18n_actions.py).
ANONYMOUS_ADMIN_VIEWS = {"wagtailadmin_login", "wagtailadmin_password_reset"}
NOT_FUZZED = {
    "wagtailadmin_password_reset_done": "Django's static confirmation page, no input",
    "wagtailadmin_password_reset_confirm": "Django's own signed-token view (Django's tests)",
    "wagtailadmin_password_reset_complete": "Django's static confirmation page, no input",
}


def url_patterns(patterns=None, route="", namespace=""):
    """(route, name) of every pattern in the URL conf, names with their namespace."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern.url_patterns, route + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield route + str(pattern.pattern), f"{namespace}{pattern.name}"


def public_url_names():
    names = set()
    for route, name in url_patterns():
        if route.startswith("admin/") and name not in ANONYMOUS_ADMIN_VIEWS:
            continue
        names.add(name)
    return names - set(NOT_FUZZED)


def page_routes():
    """Every page type of the project: "app.Model", or "app.Model:route" for each route."""
    routes = set()
    for model in get_page_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        label = model._meta.label
        if issubclass(model, RoutablePageMixin):
            routes |= {f"{label}:{pattern.name}" for pattern in model.get_subpage_urls()}
        else:
            routes.add(label)
    return routes


def covered():
    return {key for endpoint in ENDPOINTS for key in endpoint.covers}


def test_every_public_url_and_page_route_is_fuzzed():
    missing = (public_url_names() | page_routes()) - covered()
    assert not missing, f"public routes without an endpoint in tests/fuzz/endpoints.py: {missing}"


def test_every_covered_route_exists():
    stale = covered() - (public_url_names() | page_routes())
    assert not stale, f"endpoints cover routes that no longer exist: {stale}"


def test_endpoint_names_are_unique():
    names = [endpoint.name for endpoint in ENDPOINTS]
    assert len(names) == len(set(names))


def test_the_walk_finds_routes_of_each_kind():
    """The coverage test above would pass vacuously if the walk found nothing."""
    assert {"search", "activities:register", "health", "wagtail_serve"} <= public_url_names()
    assert {"editions.EditionPage:activities_csv", "home.HomePage"} <= page_routes()
