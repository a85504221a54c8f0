"""Security helpers referenced from the settings."""

from django.conf import settings
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"


def client_ip(request):
    """The visitor's address for login throttling. Behind N trusted proxies (TRUSTED_PROXY_COUNT)
    it is the N-th address from the right of X-Forwarded-For; a visitor cannot forge that part."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere; the Wagtail admin also gets inline styles (never scripts),
    because its templates and widgets use style attributes."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and parts.update is None:
            parts.update = {"style-src": ["'unsafe-inline'"]}
        return parts
