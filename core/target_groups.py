"""Who something is meant for: one list for activities and for ideas, so the same people have
the same name and filter value everywhere."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    NEIGHBOURS = "neighbours", _("Neighbours")
    ELDERLY = "elderly", _("Older people")
    YOUTH = "youth", _("Young people")
    CHILDREN = "children", _("Children and families")
    COLLEAGUES = "colleagues", _("Colleagues")
    PEOPLE_ALONE = "people_alone", _("People who are often alone")
    NEWCOMERS = "newcomers", _("Newcomers")


TARGET_GROUP_FIELD_LENGTH = 20
# The target group of an idea was "families" before activities and ideas shared this list.
RENAMED_TARGET_GROUPS = {"families": TargetGroup.CHILDREN.value}


def target_group_field(verbose_name, help_text):
    return models.CharField(
        verbose_name,
        max_length=TARGET_GROUP_FIELD_LENGTH,
        choices=TargetGroup.choices,
        default=TargetGroup.EVERYONE,
        help_text=help_text,
    )
