from wagtail import hooks

from .cache import mark_served_page


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    mark_served_page(page, request)
