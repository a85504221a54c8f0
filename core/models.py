from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Every public page has a short introduction used in listings and search results."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("One or two sentences shown at the top of the page and in listings."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction", boost=2)]

    class Meta:
        abstract = True


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """The organisation's general contact details, shown in the footer."""

    organisation = models.CharField(
        _("organisation"), max_length=120, default="Week van de Verbinding"
    )
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("email"), FieldPanel("phone")]

    class Meta:
        verbose_name = _("contact details")
