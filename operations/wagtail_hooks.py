from wagtail import hooks

from .cache import mark_served_page, use_page_parameters


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    mark_served_page(page, request)
    use_page_parameters(page, request, serve_args)
