from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: page cache, health check, request ids, logging, security helpers,
    periodic jobs."""

    name = "operations"
    verbose_name = "Operations"

    def ready(self):
        from . import cache, frontend_cache, jobs

        cache.connect_invalidation_signals()
        frontend_cache.connect_purge_signals()
        jobs.connect_signals()
