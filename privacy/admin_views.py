"""The administrators' tool: what the site holds about one e-mail address; export or erase it.

Superusers only. The address travels in POST bodies, never in a URL (URLs end up in logs).
"""

import json
from functools import wraps

from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder

from . import subject
from .forms import EmailForm


def superusers_only(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_superuser:
            return HttpResponseForbidden(_("Only administrators may use this tool."))
        return view(request, *args, **kwargs)

    return checked


def render(request, template, **context):
    title = _("Personal data")
    context = {"page_title": title, "header_title": title, "header_icon": "user", **context}
    return TemplateResponse(request, f"privacy/admin/{template}.html", context)


def found_items(request, email):
    finder = AdminURLFinder(request.user)
    items = []
    for entry, rows in subject.matches(email):
        objects = [subject.admin_object(entry, row) for row in rows]
        links = [{"label": str(obj), "url": finder.get_edit_url(obj)} for obj in objects]
        items.append({"entry": entry, "objects": links})
    return items


@superusers_only
def lookup(request):
    form = EmailForm(request.POST or None)
    items = None
    if request.method == "POST" and form.is_valid():
        items = found_items(request, form.cleaned_data["email"])
    return render(request, "lookup", form=form, items=items)


@superusers_only
@require_POST
def export(request):
    form = EmailForm(request.POST)
    if not form.is_valid():
        return redirect("privacy_lookup")
    data = subject.export(form.cleaned_data["email"])
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    name = f"personal-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@superusers_only
@require_POST
def erase(request):
    form = EmailForm(request.POST)
    if not form.is_valid():
        return redirect("privacy_lookup")
    email = form.cleaned_data["email"]
    if request.POST.get("confirmed") != "yes":
        return render(request, "confirm_erase", form=form, items=found_items(request, email))
    counts = subject.erase_all(email, request.user)
    messages.success(
        request,
        _("Erased: %(count)s items in %(entries)s parts of the register.")
        % {"count": sum(counts.values()), "entries": len(counts)},
    )
    return redirect("privacy_lookup")
