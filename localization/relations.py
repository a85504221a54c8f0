"""Many-to-many links to translatable snippets follow the translation.

wagtail-localize 1.14 leaves many-to-many fields alone, so an English idea page would keep the
Dutch themes and organisers of its source. Wherever wagtail-localize copies the synchronised
fields onto a translation, this also points such links at the snippets' translations in the
target language (keeping the source item where no translation exists yet).

wagtail-localize has no hook for this, so its module function is wrapped;
tests/test_upstream_canaries.py fails when it changes or its callers stop looking it up there.
"""

from functools import wraps

from modelcluster.fields import ParentalManyToManyField
from wagtail.models import TranslatableMixin


def translatable_many_to_many_fields(model):
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, ParentalManyToManyField)
        and issubclass(field.related_model, TranslatableMixin)
    ]


def localize_many_to_many(source, target):
    for field in translatable_many_to_many_fields(type(target)):
        items = list(getattr(source, field.name).all())
        translations = {
            item.translation_key: item
            for item in field.related_model.objects.filter(
                translation_key__in=[item.translation_key for item in items],
                locale_id=target.locale_id,
            )
        }
        getattr(target, field.name).set(
            [translations.get(item.translation_key, item) for item in items]
        )


def follow_translations_in_many_to_many_fields():
    from wagtail_localize import models as localize_models

    original = localize_models.copy_synchronised_fields
    if getattr(original, "follows_many_to_many", False):
        return

    @wraps(original)
    def copy_synchronised_fields(source, target):
        original(source, target)
        localize_many_to_many(source, target)

    copy_synchronised_fields.follows_many_to_many = True
    localize_models.copy_synchronised_fields = copy_synchronised_fields
