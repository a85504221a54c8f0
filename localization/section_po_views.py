"""The admin page "Translations of this section (PO)": one PO file per section to download and
upload."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Locale, Page

from . import section_po
from .permissions import translation_awaiting_review


class LocaleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_display_name()


class LocaleForm(forms.Form):
    locale = LocaleChoiceField(
        queryset=Locale.objects.none(),
        to_field_name="language_code",
        empty_label=None,
        label=gettext_lazy("Language"),
    )

    def __init__(self, sections, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [section.locale.id for section in sections]
        self.fields["locale"].queryset = Locale.objects.filter(id__in=ids).order_by("language_code")


class UploadForm(LocaleForm):
    file = forms.FileField(label=gettext_lazy("PO file"))


def section_po_view(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    root = section_po.source_page_of(page)
    sections = section_po.translatable_sections(request.user, root)
    if not sections:
        raise PermissionDenied
    if "locale" in request.GET:
        return download(request, sections)
    report = None
    if request.method == "POST":
        form = UploadForm(sections, request.POST, request.FILES)
        report = form.is_valid() and upload(request, sections, form)
    else:
        form = UploadForm(sections, initial={"locale": default_locale(page, sections)})
    return TemplateResponse(
        request,
        "localization/section_po.html",
        {
            "header_title": _("Translations of this section (PO)"),
            "page_title": _("Translations of this section (PO)"),
            "page_subtitle": root.get_admin_display_title(),
            "header_icon": "wagtail-localize-language",
            "root": root,
            "sections": sections,
            "download_form": LocaleForm(sections, initial=form.initial, auto_id="download-%s"),
            "upload_form": form,
            "report": report and review_rows(request, report),
            "ignored": report and report.ignored,
        },
    )


def default_locale(page, sections):
    locales = [section.locale for section in sections]
    return next((locale for locale in locales if locale.id == page.locale_id), locales[0])


def section_for(sections, form):
    locale = form.cleaned_data["locale"]
    return next(section for section in sections if section.locale.id == locale.id)


def download(request, sections):
    form = LocaleForm(sections, request.GET)
    if not form.is_valid():
        raise PermissionDenied
    section = section_for(sections, form)
    response = HttpResponse(
        str(section_po.export_po(section)), content_type="text/x-gettext-translation; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{section_po.file_name(section)}"'
    return response


def upload(request, sections, form):
    section = section_for(sections, form)
    try:
        po = section_po.parse_po(form.cleaned_data["file"].read())
        report = section_po.import_po(po, section, request.user)
    except section_po.SectionPOError as error:
        form.add_error("file", str(error))
        return None
    messages.success(
        request,
        ngettext(
            "Imported the PO file: %(count)s text changed. Nothing is published.",
            "Imported the PO file: %(count)s texts changed. Nothing is published.",
            report.updated,
        )
        % {"count": report.updated},
    )
    return report


def review_rows(request, report):
    """Each page of an import with the address to submit it for review (when that is possible)."""
    next_url = urlencode({"next": request.get_full_path()})
    rows = []
    for result in report.pages:
        page = result.section_page.target_page
        url = ""
        if translation_awaiting_review(request.user, page):
            url = reverse("localization_submit_for_review", args=[page.id]) + "?" + next_url
        rows.append({"page": page, "updated": result.updated, "review_url": url})
    return rows
