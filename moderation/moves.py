"""Keeping everyone's rights when a model is renamed or moves to another app.

Permissions hang on a model's content type and carry the model's name in their codename
(`change_story`). A RenameModel renames the content type but not the codenames, and nothing
moves a content type to another app: the data migrations that rename or move a model call these
functions, so the groups and users keep what they held (moderation.roles names the new ones).
"""


def move_content_type(apps, old, new):
    """Let the content type `old` ("app_label.model") become `new`: in place, so permissions,
    log entries and workflows follow; merged into `new` when that exists already."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    old_type = ContentType.objects.filter(**natural_key(old)).first()
    if old_type is None:
        return
    new_type = ContentType.objects.filter(**natural_key(new)).first()
    if new_type is None:
        ContentType.objects.filter(pk=old_type.pk).update(**natural_key(new))
        return
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(content_type_id=old_type.pk):
        move_permission(apps, permission, new_type.pk, permission.codename)
    for model, field in content_type_fields(apps):
        model.objects.filter(**{field: old_type.pk}).update(**{field: new_type.pk})
    ContentType.objects.filter(pk=old_type.pk).delete()


def rename_permissions(apps, content_type, old_model, new_model):
    """After a RenameModel: `<action>_<old_model>` permissions of the renamed content type
    ("app_label.model") become `<action>_<new_model>`."""
    Permission = apps.get_model("auth", "Permission")
    suffix = f"_{old_model}"
    permissions = Permission.objects.filter(
        **{f"content_type__{key}": value for key, value in natural_key(content_type).items()},
        codename__endswith=suffix,
    )
    for permission in permissions:
        codename = permission.codename.removesuffix(suffix) + f"_{new_model}"
        move_permission(apps, permission, permission.content_type_id, codename)


def move_permission(apps, permission, content_type_id, codename):
    Permission = apps.get_model("auth", "Permission")
    target = Permission.objects.filter(content_type_id=content_type_id, codename=codename).first()
    if target is None:
        Permission.objects.filter(pk=permission.pk).update(
            content_type_id=content_type_id, codename=codename
        )
        return
    target.group_set.add(*permission.group_set.all())
    target.user_set.add(*permission.user_set.all())
    permission.delete()


def content_type_fields(apps):
    """(model, field name) of every non-unique foreign key to a content type, but permissions'."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    return [
        (model, field.attname)
        for model in apps.get_models()
        if model._meta.label != "auth.Permission"
        for field in model._meta.fields
        if field.many_to_one and field.related_model is ContentType and not field.unique
    ]


def natural_key(label):
    app_label, model = label.split(".")
    return {"app_label": app_label, "model": model}
