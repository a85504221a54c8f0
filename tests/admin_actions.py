"""The page actions of the permission matrix, each done through the admin's own views.

Each action returns True when it took effect in the database, False when it was refused.
"""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from editions.models import EditionPage
from tests.two_factor import log_in


def page_form_data(client, url, superuser, **changes):
    """The form data the admin shows for `url` (fetched as a superuser), with some changes."""
    log_in(client, superuser)
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    client.logout()
    return with_changes(data, changes)


def with_changes(data, changes):
    data = data.copy()
    # The body StreamField is rendered by JavaScript; an empty body is all test pages have.
    data.setdefault("body-count", "0")
    for key, value in changes.items():
        data[key] = value
    return data


def cached_form_data(case, url, **changes):
    """page_form_data, fetched once per URL and test class (the matrix asks for it many times)."""
    cache = case.__class__.__dict__.get("form_data_cache")
    if cache is None:
        cache = case.__class__.form_data_cache = {}
    if url not in cache:
        cache[url] = page_form_data(case.client, url, case.superuser)
    return with_changes(cache[url], changes)


def post_as(client, user, url, data=None):
    log_in(client, user)
    response = client.post(url, data or {})
    client.logout()
    return response


def create(case, user, parent):
    url = reverse("wagtailadmin_pages:add", args=("editions", "editionpage", parent.pk))
    data = cached_form_data(
        case,
        url,
        title="Editie 2031",
        slug="2031",
        year="2031",
        start_date="2031-12-08",
        end_date="2031-12-12",
    )
    before = EditionPage.objects.child_of(parent).count()
    post_as(case.client, user, url, data)
    return EditionPage.objects.child_of(parent).count() == before + 1


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def edit(case, user, page, title="Nieuwe titel", **action):
    data = cached_form_data(case, edit_url(page), title=title, **action)
    post_as(case.client, user, edit_url(page), data)
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object().title == title


def submit(case, user, page):
    edit(case, user, page, title="Ter review", **{"action-submit": "1"})
    return Page.objects.get(pk=page.pk).workflow_in_progress


def publish(case, user, page):
    edit(case, user, page, title="Direct gepubliceerd", **{"action-publish": "1"})
    page = Page.objects.get(pk=page.pk)
    return page.live and page.title == "Direct gepubliceerd"


def workflow_action(case, user, page, action, comment=""):
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return post_as(case.client, user, url, {"comment": comment})


def approve(case, user, page):
    """An editor submits a change; `user` tries to approve it."""
    submit(case, case.editor, page)
    workflow_action(case, user, page, "approve")
    page = Page.objects.get(pk=page.pk)
    return page.title == "Ter review" and not page.workflow_in_progress


def unpublish(case, user, page):
    post_as(case.client, user, reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    return not Page.objects.get(pk=page.pk).live


def delete(case, user, page):
    post_as(case.client, user, reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    return not Page.objects.filter(pk=page.pk).exists()


def manage_users(case, user):
    log_in(case.client, user)
    response = case.client.get(reverse("wagtailusers_users:index"))
    case.client.logout()
    return response.status_code == 200
