from django.apps import AppConfig


class LocalizationConfig(AppConfig):
    name = "localization"
    verbose_name = "Localisation"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from . import drafts, locales, out_of_date, relations

        drafts.keep_live_translations_unchanged_by_drafts()
        relations.follow_translations_in_many_to_many_fields()
        out_of_date.connect()
        post_save.connect(locales.forget_locales, sender=Locale)
        post_delete.connect(locales.forget_locales, sender=Locale)
