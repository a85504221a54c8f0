"""Routes of a page type that an app above it adds, and route segments in the page's language.

A RoutablePage takes its routes from its own methods, so every feature shown under a page's
address would have to be imported by the page's app. A page type with `AddedRoutesMixin` takes
further routes from the apps that build on it: activities adds the activity overview to the
edition page from its AppConfig.ready(), and editions imports nothing of activities.

`translated_path` gives a route a segment per language (`activities/` on an English page,
`activiteiten/` on a Dutch one). The segment in the source language (settings.LANGUAGE_CODE)
keeps answering on every page: it redirects to the segment of the page's language, query
string included. `old_parameters` does the same for renamed query parameters and values.
"""

import functools

from django.conf import settings
from django.shortcuts import redirect
from django.urls import path as url_path
from django.utils import translation
from django.utils.functional import lazy
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class AddedRoutesMixin(RoutablePageMixin):
    """A routable page type that apps above it can add routes to (see add_routes)."""

    added_routes = ()

    @classmethod
    def add_routes(cls, *views):
        """Add routes: functions decorated with @path, @re_path or @translated_path that take
        the page as their first argument, like methods. Call it from AppConfig.ready()."""
        cls.added_routes = (*cls.added_routes, *views)
        if "_routablepage_urlresolver" in cls.__dict__:  # built before: build it again
            del cls._routablepage_urlresolver

    @classmethod
    def get_subpage_urls(cls):
        added = [route for view in cls.added_routes for route, _order in view._routablepage_routes]
        return (*super().get_subpage_urls(), *added)


def in_source_language(text):
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def translated_path(segment, name):
    """@path for a route whose segment (gettext_lazy) is translated; its segment in the source
    language also answers, with a permanent redirect. Put it above @query_parameters."""

    def decorate(view):
        view = path(segment, name=name)(view)
        _route, order = view._routablepage_routes[-1]
        source_segment = lazy(in_source_language, str)(segment)
        alias = url_path(source_segment, redirect_to_route(name, view), name=f"{name}_source")
        view._routablepage_routes.append((alias, order))  # after the route: it wins in Dutch
        return view

    return decorate


def redirect_to_route(name, view):
    def redirect_view(page, request, *args, **kwargs):
        url = page.get_url(request) + page.reverse_subpage(name, args=args, kwargs=kwargs)
        query = request.META.get("QUERY_STRING")
        return redirect(f"{url}?{query}" if query else url, permanent=True)

    parameters = getattr(view, "page_cache_parameters", None)
    if parameters is not None:  # the page cache lets only these through (core/page_cache.py)
        redirect_view.page_cache_parameters = parameters
    return redirect_view


def old_parameters(renamed=None, values=None):
    """A route's filter addresses from before a rename keep working: a request with an old
    parameter name (`renamed`: {old: new}) or value (`values`: {name: {old: new}}) is redirected
    permanently to the current ones. Put it above @query_parameters: the page cache lets the
    old names through too."""
    renamed, values = renamed or {}, values or {}

    def decorate(view):
        @functools.wraps(view)
        def route(page, request, *args, **kwargs):
            query = current_query(request.GET, renamed, values)
            if query is None:
                return view(page, request, *args, **kwargs)
            return redirect(f"{request.path}?{query.urlencode()}", permanent=True)

        route.page_cache_parameters = frozenset(
            (*getattr(view, "page_cache_parameters", ()), *renamed)
        )
        return route

    return decorate


def current_query(query, renamed, values):
    """The query with current names and values; None when it has nothing old."""
    current = query.copy()
    for old, new in renamed.items():
        if old in current:
            current.setlist(new, current.getlist(new) + current.getlist(old))
            del current[old]
    for name, changes in values.items():
        if name in current:
            current.setlist(name, [changes.get(value, value) for value in current.getlist(name)])
    return None if current == query else current
