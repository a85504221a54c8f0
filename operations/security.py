"""Security helpers referenced from the settings."""

from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"


# Wagtail 7.4's admin still writes inline scripts (date and time inputs, inline panels, chooser
# widgets) and style attributes, so only below /admin/ (behind the login) the policy allows them.
ADMIN_POLICY_ADDITIONS = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy for the public site; the admin additions only under /admin/."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and parts.update is None:
            parts.update = ADMIN_POLICY_ADDITIONS
        return parts
