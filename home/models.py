from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from activities.overview import upcoming
from core.blocks import BodyBlock
from core.models import BasePage
from core.visibility import public_or_none, public_pages
from editions.models import EditionPage


class HomePage(BasePage):
    """The start page of one language: the current edition, an invitation, featured content."""

    call_to_action_text = models.CharField(
        _("invitation"),
        max_length=200,
        blank=True,
        help_text=_(
            'The sentence that invites visitors to take part, e.g. "Organise an activity".'
        ),
    )
    call_to_action_label = models.CharField(_("button label"), max_length=60, blank=True)
    call_to_action_page = models.ForeignKey(
        Page,
        verbose_name=_("button leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page where visitors register an activity or read how to take part."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("call_to_action_text"),
                FieldPanel("call_to_action_label"),
                FieldPanel("call_to_action_page"),
            ],
            heading=_("Call to action"),
        ),
        InlinePanel("featured_items", label=_("Featured page"), heading=_("Featured content")),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        edition = EditionPage.current_for_locale(self.locale)
        if edition:
            context["edition"] = edition
            context["edition_status"] = edition.status()
            context["days_until_start"] = edition.days_until_start()
        context["featured_pages"] = self.featured()
        context["upcoming_activities"] = upcoming(self.locale)
        context["call_to_action_page"] = self.localized_call_to_action_page()
        return context

    def featured(self):
        """The featured pages in this home's language where translated, else the chosen page."""
        chosen = list(
            self.featured_items.order_by("sort_order").values_list(
                "page_id", "page__translation_key"
            )
        )
        if not chosen:
            return []
        keys = [key for _id, key in chosen]
        candidates = public_pages(
            Page.objects.filter(
                Q(id__in=[page_id for page_id, _key in chosen])
                | Q(translation_key__in=keys, locale_id=self.locale_id)
            )
        )
        by_key = {}
        for page in candidates.specific():
            if page.locale_id == self.locale_id or page.translation_key not in by_key:
                by_key[page.translation_key] = page
        return [by_key[key] for key in keys if key in by_key]

    def localized_call_to_action_page(self):
        """Page links are shared by all languages (wagtail-localize synchronises them): the
        chosen page in this home's language where translated, if visitors may see it."""
        page = self.call_to_action_page
        if page is None or page.locale_id == self.locale_id:
            return public_or_none(page)
        translations = page.get_translations().filter(locale_id=self.locale_id)
        return public_pages(translations).first() or public_or_none(page)


class HomePageFeaturedItem(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured page")
