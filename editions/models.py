from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.blocks import BodyBlock
from core.models import SUMMARY_BOOST, BasePage, ModeratedSnippet
from core.routes import AddedRoutesMixin
from core.visibility import public_pages

PARTNER_LOGO_SPEC = "max-240x120"
SHORT_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class Partner(ModeratedSnippet):
    class Kind(models.TextChoices):
        POWERED_BY = "powered_by", _("Powered By")
        SPONSOR = "sponsor", _("Sponsor")
        SERVICE_CLUB = "service_club", _("Service club")
        STARTER = "starter", _("Starter organisation")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SPONSOR)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.CharField(
        _("short description"),
        max_length=250,
        blank=True,
        help_text=_("What this partner contributes, in one sentence."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]

    class Meta(ModeratedSnippet.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def slug(self):
        """Its address on the edition's pages (figures/partners.py): from its name."""
        return slugify(self.name)

    @property
    def has_page(self):
        return self.kind == self.Kind.POWERED_BY and bool(self.slug)


register_snippet(Partner)


class EditionIndexPage(BasePage):
    """The list of all yearly editions."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["editions.EditionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("edition overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = (
            public_pages(EditionPage.objects.child_of(self)).order_by("-year").defer_streamfields()
        )
        return context


class EditionQuerySet(PageQuerySet):
    def current(self, today):
        """The edition running today, else the next one, else the most recent past one."""
        upcoming = self.filter(end_date__gte=today).order_by("start_date").first()
        return upcoming or self.filter(end_date__lt=today).order_by("-start_date").first()


class EditionPage(AddedRoutesMixin, BasePage):
    """One yearly Week van de Verbinding. The activities app adds the overview of its
    activities and their exports as routes of this page (activities/routes.py)."""

    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The year of this edition. Each year has one edition.")
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    theme = models.CharField(
        _("theme or slogan"),
        max_length=120,
        blank=True,
        help_text=_('For example "Simpel met Impact".'),
    )
    hashtag = models.CharField(
        _("hashtag"),
        max_length=60,
        blank=True,
        help_text=_('Without spaces, for example "#WeekvandeVerbinding2025".'),
    )
    intention = RichTextField(_("intention"), blank=True, features=SHORT_TEXT_FEATURES)
    reason = RichTextField(_("reason"), blank=True, features=SHORT_TEXT_FEATURES)
    yield_society = models.TextField(_("what it yields for society"), blank=True)
    yield_organisations = models.TextField(_("what it yields for organisations"), blank=True)
    yield_persons = models.TextField(_("what it yields for you personally"), blank=True)
    house_rules = RichTextField(
        _("house rules"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("The rules everybody taking part agrees to. A bulleted list reads best."),
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email address"), blank=True)
    contact_phone = models.CharField(_("contact phone number"), max_length=30, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    objects = PageManager.from_queryset(EditionQuerySet)()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("year"), FieldPanel("start_date"), FieldPanel("end_date")],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("theme"), FieldPanel("hashtag")], heading=_("Theme")),
        FieldPanel("intention"),
        FieldPanel("reason"),
        MultiFieldPanel(
            [
                FieldPanel("yield_society"),
                FieldPanel("yield_organisations"),
                FieldPanel("yield_persons"),
            ],
            heading=_("What it yields"),
        ),
        FieldPanel("house_rules"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        InlinePanel("partner_links", label=_("Partners"), heading=_("Partners")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("theme", boost=SUMMARY_BOOST),
        index.SearchField("intention"),
        index.SearchField("reason"),
        index.SearchField("body"),
        index.FilterField("year"),
    ]

    parent_page_types = ["editions.EditionIndexPage"]
    subpage_types = ["activities.ActivityPage"]

    class Meta:
        verbose_name = _("edition")
        # the current edition: the first by start date that has not ended (EditionQuerySet)
        indexes = [models.Index(fields=["start_date"], name="edition_start_date")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        for field in ("start_date", "end_date"):
            value = getattr(self, field)
            if self.year and value and value.year != self.year:
                errors.setdefault(
                    field, _("This date must fall in %(year)s.") % {"year": self.year}
                )
        if self.year and self._year_taken():
            errors["year"] = _("There is already an edition for %(year)s.") % {"year": self.year}
        if errors:
            raise ValidationError(errors)

    def _year_taken(self):
        others = EditionPage.objects.filter(year=self.year, locale_id=self.locale_id)
        if self.translation_key:
            others = others.exclude(translation_key=self.translation_key)
        return others.exists()

    def status(self, today=None):
        today = today or timezone.localdate()
        if today < self.start_date:
            return "upcoming"
        if today > self.end_date:
            return "past"
        return "running"

    def accepts_registrations(self, today=None):
        """Whether visitors may register an activity for this edition now: see
        open_for_registrations()."""
        if self.status(today) == "past":
            return False
        edition = EditionPage.open_for_registrations(self.locale_id, today)
        return edition is not None and edition.pk == self.pk

    def days_until_start(self, today=None):
        today = today or timezone.localdate()
        return max((self.start_date - today).days, 0)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = SimpleLazyObject(self.partners)  # the overview reuses this context
        return context

    def partners(self):
        """The live partners of this edition in their order, each in the page's language where
        a live translation exists: a translated page keeps its source page's partner links."""
        links = self.partner_links.filter(partner__live=True).select_related("partner")
        partners = [link.partner for link in links.order_by("sort_order")]
        elsewhere = [partner for partner in partners if partner.locale_id != self.locale_id]
        if elsewhere:
            translations = {
                partner.translation_key: partner
                for partner in Partner.objects.filter(
                    translation_key__in=[partner.translation_key for partner in elsewhere],
                    locale_id=self.locale_id,
                    live=True,
                )
            }
            partners = [translations.get(partner.translation_key, partner) for partner in partners]
        logos = get_image_model().objects.prefetch_renditions(PARTNER_LOGO_SPEC)
        prefetch_related_objects(partners, Prefetch("logo", queryset=logos))
        return partners

    @classmethod
    def current_for_locale(cls, locale=None, today=None):
        locale = locale or Locale.get_active()
        today = today or timezone.localdate()
        return public_pages(cls.objects.filter(locale=locale)).current(today)

    @classmethod
    def open_for_registrations(cls, locale=None, today=None):
        """The one edition of a language that activities are registered for: the public edition
        running today, else the next one; never a past one, nor a later one while an earlier
        one has not ended."""
        today = today or timezone.localdate()
        edition = cls.current_for_locale(locale, today)
        if edition is None or edition.status(today) == "past":
            return None
        return edition


class EditionPartner(Orderable):
    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner of this edition")
