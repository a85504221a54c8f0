from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.http.request import validate_host

from .sites import parse_base_url


@register(Tags.urls)
def base_url_is_an_address(app_configs, **kwargs):
    try:
        parse_base_url(settings.WAGTAILADMIN_BASE_URL)
    except ImproperlyConfigured as error:
        return [Error(str(error), id="core.E001")]
    return []


@register(Tags.security, deploy=True)
def base_url_is_served_over_https_by_this_site(app_configs, **kwargs):
    """Links in emails must reach this site: an allowed host, over HTTPS."""
    try:
        scheme, hostname, _port = parse_base_url(settings.WAGTAILADMIN_BASE_URL)
    except ImproperlyConfigured:
        return []  # core.E001 says so
    problems = []
    if not validate_host(hostname, settings.ALLOWED_HOSTS):
        problems.append(
            Error(
                f"WAGTAILADMIN_BASE_URL names {hostname}, which DJANGO_ALLOWED_HOSTS does not allow.",
                id="core.E002",
            )
        )
    if scheme != "https":
        problems.append(
            Warning("WAGTAILADMIN_BASE_URL should start with https://.", id="core.W001")
        )
    return problems
