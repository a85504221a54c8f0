"""Everything that waits for a moderator, in one dashboard panel, oldest first.

Pages and moderated snippets in the review workflow (the public forms' activities and teams among
them) are counted here; other kinds of submission (stories) add themselves with
`register_source` from their own app, so this app imports none of them.
"""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from submissions.models import SubmitterContact

from .compare import compare_url, reviewed_revision_ids

SHOWN = 10


@dataclass
class Waiting:
    kind: str
    title: str
    submitted_by: str
    since: datetime
    url: str
    compare_url: str = ""  # resubmitted after requested changes: reviewed against submitted


@dataclass
class Source:
    label: str  # e.g. "3 pages and snippets are waiting for review."
    count: int
    oldest: list  # up to SHOWN Waiting items, oldest first
    url: str = ""
    link_label: str = ""


SOURCES = []


def register_source(function):
    """`function(user)` returns a Source, or None when the user does not review that kind."""
    SOURCES.append(function)
    return function


def user_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


@register_source
def workflow_reviews(user):
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("workflow_state__requested_by", "workflow_state__base_content_type")
        .select_related("workflow_state__content_type", "revision")
        .order_by("started_at", "pk")
    )
    count = states.count()
    if not count and not _may_review_pages(user):
        return None
    oldest = list(states[:SHOWN])
    page_ids = [
        int(state.workflow_state.object_id)
        for state in oldest
        if state.workflow_state.base_content_type.model_class() is Page
    ]
    senders = dict(
        SubmitterContact.objects.filter(page_id__in=page_ids).values_list("page_id", "name")
    )
    finder = AdminURLFinder(user)
    reviewed = reviewed_revision_ids(oldest)
    items = []
    for state in oldest:
        workflow_state = state.workflow_state
        model = workflow_state.content_type.model_class()
        object_id = workflow_state.object_id
        if workflow_state.base_content_type.model_class() is Page:
            url = reverse("wagtailadmin_pages:edit", args=(object_id,))
            sender = senders.get(int(object_id))
            submitted_by = (
                _("%(name)s (public form)") % {"name": sender}
                if sender
                else user_name(workflow_state.requested_by)
            )
        else:
            url = finder.get_edit_url(state.revision.content_object) or ""
            submitted_by = user_name(workflow_state.requested_by)
        items.append(
            Waiting(
                kind=str(model._meta.verbose_name) if model else "",
                title=state.revision.object_str if state.revision else "",
                submitted_by=submitted_by or _("unknown"),
                since=state.started_at,
                url=url,
                compare_url=compare_url(state, reviewed[state.pk]) if state.pk in reviewed else "",
            )
        )
    return Source(
        label=_("Pages and snippets in review: %(count)s") % {"count": count},
        count=count,
        oldest=items,
        url=reverse("wagtailadmin_reports:workflow_tasks"),
        link_label=_("All review tasks"),
    )


def _may_review_pages(user):
    from wagtail.permissions import page_permission_policy

    return page_permission_policy.user_has_any_permission(user, ["publish"])


class ReviewQueuePanel(Component):
    """On the dashboard of moderators: how much waits for review, and the oldest items."""

    name = "review_queue"
    order = 40
    template_name = "moderation/admin/review_queue_panel.html"

    def __init__(self, sources):
        self.sources = sources

    def get_context_data(self, parent_context=None):
        items = sorted(
            (item for source in self.sources for item in source.oldest), key=lambda i: i.since
        )[:SHOWN]
        return {
            "sources": self.sources,
            "total": sum(source.count for source in self.sources),
            "items": items,
        }


def review_queue_panel(user):
    sources = [source for source in (function(user) for function in SOURCES) if source]
    return ReviewQueuePanel(sources) if sources else None
