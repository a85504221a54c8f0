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
        from wagtail.models import Locale

        from .compounds import forget_languages

        post_migrate.connect(create_content_locales, sender=self)
        post_save.connect(forget_languages, sender=Locale)
        post_delete.connect(forget_languages, sender=Locale)
