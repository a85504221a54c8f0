from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from activities.overview import upcoming
from core.blocks import BodyBlock
from core.models import BasePage
from editions.models import EditionPage


class HomePage(BasePage):
    """The start page of one language: the current edition, an invitation, featured content."""

    call_to_action_text = models.CharField(
        _("invitation"),
        max_length=200,
        blank=True,
        help_text=_('The sentence that invites visitors to take part, e.g. "Organise an activity".'),
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
        return context

    def featured(self):
        ids = list(self.featured_items.order_by("sort_order").values_list("page_id", flat=True))
        pages = {page.id: page for page in Page.objects.filter(id__in=ids).live().specific()}
        return [pages[page_id] for page_id in ids if page_id in pages]


class HomePageFeaturedItem(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured page")
