"""The address of the site comes from configuration: WAGTAILADMIN_BASE_URL.

Wagtail builds every absolute link (emails, .ics files, JSON and CSV exports, hreflang) from the
hostname and port of the Site record. The default Site takes both from WAGTAILADMIN_BASE_URL
whenever it is saved and after every `migrate`, so a link never says http://localhost/ when the
site runs elsewhere. Production settings refuse to start without the variable.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_base_url(url):
    """(scheme, hostname, port) of a base URL, or ImproperlyConfigured when it is not one."""
    try:
        parts = urlsplit(url or "")
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"WAGTAILADMIN_BASE_URL {url!r} is not an address.") from error
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            "Set WAGTAILADMIN_BASE_URL to the public address of the site, "
            "e.g. https://www.weekvandeverbinding.nl"
        )
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            "WAGTAILADMIN_BASE_URL is the address of the site itself, without a path."
        )
    return parts.scheme, parts.hostname, port or DEFAULT_PORTS[parts.scheme]


def configured_address():
    """(hostname, port) the default Site gets from WAGTAILADMIN_BASE_URL."""
    _scheme, hostname, port = parse_base_url(settings.WAGTAILADMIN_BASE_URL)
    return hostname, port


def use_configured_address(sender, instance, raw=False, **kwargs):
    """pre_save of Site: the default site's hostname and port follow the configuration."""
    if raw or not instance.is_default_site:
        return
    instance.hostname, instance.port = configured_address()


def update_default_site(**kwargs):
    """post_migrate: an existing default Site (from an older deployment) gets the address."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != configured_address():
        site.save()
