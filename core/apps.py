from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


def create_content_locales(sender, **kwargs):
    """Every language in WAGTAIL_CONTENT_LANGUAGES gets a Locale, so a new language is a settings change."""
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail.models import Locale, Site

        from . import checks  # noqa: F401  (registers the system checks)
        from .compounds import forget_languages
        from .sites import update_default_site, use_configured_address

        post_migrate.connect(create_content_locales, sender=self)
        post_migrate.connect(update_default_site, sender=self)
        pre_save.connect(use_configured_address, sender=Site, dispatch_uid="core_site_address")
        post_save.connect(forget_languages, sender=Locale)
        post_delete.connect(forget_languages, sender=Locale)
