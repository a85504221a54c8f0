"""The end of personal data: delete rows, or empty fields everywhere a copy of them is kept.

A page keeps copies of its fields in its revisions and, when translated, in wagtail-localize's
source snapshot and strings; emptying a page field empties those copies too.
"""

import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, F, Value
from django.db.models.functions import Concat
from wagtail.models import ModelLogEntry, Revision, RevisionMixin, TranslatableMixin

from core.page_cache import invalidate

from .register import Action


def blanks(model, fields):
    """{field name: its empty value} for emptying these fields."""
    return {name: None if model._meta.get_field(name).null else "" for name in fields}


def erase(entry, queryset):
    """End the rows of `queryset` as the entry says. Returns how many rows it concerned."""
    rows = list(queryset.values_list("pk", flat=True))
    if not rows:
        return 0
    queryset = entry.model._default_manager.filter(pk__in=rows)
    if entry.erase is not None:
        entry.erase(queryset)
    elif entry.action == Action.DELETE:
        delete_rows(queryset)
    else:
        empty_fields(queryset, entry.fields)
    return len(rows)


def file_fields(model, names=None):
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField) and (names is None or field.name in names)
    ]


def delete_files(queryset, names):
    if not names:
        return
    for row in queryset.only("pk", *names):
        for name in names:
            if getattr(row, name):
                getattr(row, name).delete(save=False)


def delete_rows(queryset):
    model = queryset.model
    neutral_log_labels(model, list(queryset.values_list("pk", flat=True)))
    delete_files(queryset, file_fields(model))
    queryset.delete()


def empty_fields(queryset, fields):
    model = queryset.model
    pks = list(queryset.values_list("pk", flat=True))
    delete_files(queryset, file_fields(model, fields))
    queryset.update(**blanks(model, fields))
    if issubclass(model, RevisionMixin):
        empty_in_revisions(model, pks, fields)
    if issubclass(model, TranslatableMixin) and apps.is_installed("wagtail_localize"):
        empty_in_translation_sources(model, pks, fields)


def empty_in_revisions(model, pks, fields):
    base = [model, *model._meta.get_parent_list()][-1]  # as RevisionMixin.get_base_content_type
    revisions = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(base, for_concrete_model=False),
        object_id__in=[str(pk) for pk in pks],
    )
    for revision in revisions.iterator():
        if any(revision.content.get(name) for name in fields):
            revision.content.update(blanks(model, fields))
            revision.save(update_fields=["content"])


def empty_in_translation_sources(model, pks, fields):
    """wagtail-localize keeps a snapshot of each source object and its texts as strings."""
    from wagtail_localize.models import (
        OverridableSegment,
        SegmentOverride,
        String,
        StringSegment,
        StringTranslation,
        TranslationContext,
        TranslationSource,
    )

    keys = model._default_manager.filter(pk__in=pks).values_list("translation_key", flat=True)
    for source in TranslationSource.objects.filter(object_id__in=keys):
        content = json.loads(source.content_json)
        content.update(blanks(model, fields))
        source.content_json = json.dumps(content)
        source.save(update_fields=["content_json"])
    contexts = TranslationContext.objects.filter(object_id__in=keys, path__in=fields)
    strings = list(
        StringSegment.objects.filter(context__in=contexts).values_list("string_id", flat=True)
    )
    for related in (StringTranslation, SegmentOverride, StringSegment, OverridableSegment):
        related.objects.filter(context__in=contexts).delete()
    contexts.delete()
    String.objects.filter(pk__in=strings, segments__isnull=True).delete()


def neutral_log_labels(model, pks):
    """The audit log names an object by its text at the time (a story shows its sender's name):
    entries about rows that are erased name only the kind of object and its number."""
    kind = str(model._meta.verbose_name)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        object_id__in=[str(pk) for pk in pks],
    ).update(label=Concat(Value(f"{kind} #"), F("object_id"), output_field=CharField()))


def pages_changed():
    """Pages may show what was erased (an edition's contact person): a new page cache generation."""
    invalidate()
