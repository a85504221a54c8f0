"""For data migrations that rename a field or change stored values of a model with revisions.

A renamed field keeps its column, but the copies of the object that Wagtail keeps in its
revisions (drafts waiting for review, history) and wagtail-localize in its translation sources
still use the old key: a draft published after the rename would silently lose the value. These
functions rewrite the rows and those copies, in both directions.
"""

import json


def rewrite_content(apps, label, renamed=None, values=None):
    """In every stored copy of the model `label` ("app_label.model"): rename the keys of
    `renamed` ({old: new}) and change the values of `values` ({field: {old: new}}, applied
    after the renames)."""
    renamed, values = renamed or {}, values or {}
    app_label, model_name = label.split(".")
    model = apps.get_model(app_label, model_name)
    for field, changes in values.items():
        for old, new in changes.items():
            model._base_manager.filter(**{field: old}).update(**{field: new})
    content_types = apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label=app_label, model=model_name
    )
    ids = list(content_types.values_list("pk", flat=True))  # ids: the historical models differ
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type_id__in=ids).iterator():
        if rewrite(revision.content, renamed, values):
            revision.save(update_fields=["content"])
    if "wagtail_localize" not in apps.app_configs:
        return
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type_id__in=ids):
        content = json.loads(source.content_json)
        if rewrite(content, renamed, values):
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


def rewrite(content, renamed, values):
    """Change one serialised object in place; whether anything changed."""
    changed = False
    for old, new in renamed.items():
        if old in content:
            content[new] = content.pop(old)
            changed = True
    for field, changes in values.items():
        if content.get(field) in changes:
            content[field] = changes[content[field]]
            changed = True
    return changed


def reversed_changes(renamed=None, values=None):
    """The arguments of rewrite_content that undo these."""
    renamed, values = renamed or {}, values or {}
    back = {new: old for old, new in renamed.items()}
    undo = {
        back.get(field, field): {new: old for old, new in changes.items()}
        for field, changes in values.items()
    }
    return {"renamed": back, "values": undo}
