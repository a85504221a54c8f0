from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.forms import BasePageForm
from core.models import BasePage, ModeratedSnippet
from core.page_cache import query_parameters
from core.routes import old_parameters
from core.target_groups import RENAMED_TARGET_GROUPS, target_group_field
from core.visibility import public_pages

from .blocks import IdeaBodyBlock

IDEAS_PER_PAGE = 12
OLD_FILTERS = {"audience": "organiser"}  # the filter on organisers was called "audience"
RELATED_IDEAS = 3


class Facet(ModeratedSnippet):
    """A name editors manage and translate, with a slug used in filter URLs."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_(
            "Used in the address of a filtered list, e.g. ?theme=sport. Lower case, no spaces."
        ),
    )
    description = models.CharField(
        _("short description"),
        max_length=250,
        blank=True,
        help_text=_("One sentence that explains this choice to visitors."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(ModeratedSnippet.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(Facet):
    class Meta(Facet.Meta):
        verbose_name = _("idea theme")
        verbose_name_plural = _("idea themes")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale")
        ]


class Organiser(Facet):
    """Who can organise an idea: neighbours, companies, schools, clubs..."""

    class Meta(Facet.Meta):
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_organiser_slug_per_locale"
            )
        ]


class PrepTime(models.TextChoices):
    HOUR = "hour", _("An hour or less")
    DAY = "day", _("Half a day to a day")
    WEEK = "week", _("A few days")
    WEEKS = "weeks", _("A few weeks")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    LOW = "low", _("Under €50")
    MEDIUM = "medium", _("€50 to €250")
    HIGH = "high", _("More than €250")


class GroupSize(models.TextChoices):
    ALONE = "alone", _("On your own or with two")
    SMALL = "small", _("Small group (3 to 10)")
    MEDIUM = "medium", _("Group (10 to 30)")
    LARGE = "large", _("Large group (more than 30)")


class Setting(models.TextChoices):
    INDOOR = "indoor", _("Indoors")
    OUTDOOR = "outdoor", _("Outdoors")
    EITHER = "either", _("Indoors or outdoors")


# The practical facts of an idea, in display order; visitors filter on each of them.
FACT_FIELDS = ["prep_time", "cost", "group_size", "setting", "target_group"]


def fact_field(verbose_name, choices, help_text, default=None):
    return models.CharField(
        verbose_name,
        max_length=10,
        choices=choices.choices,
        default=default or choices.values[0],
        help_text=help_text,
    )


class IdeaIndexPage(RoutablePageMixin, BasePage):
    """The toolkit: all ideas, filtered by theme, organiser and effort, and printable per theme."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["ideas.IdeaPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("idea toolkit")

    def ideas(self):
        return (
            public_pages(IdeaPage.objects.child_of(self))
            .defer_streamfields()
            .prefetch_related("themes")
            .order_by("title")
        )

    @path("")
    @old_parameters(renamed=OLD_FILTERS, values={"target_group": RENAMED_TARGET_GROUPS})
    @query_parameters("theme", "organiser", *FACT_FIELDS, "page")  # IdeaFilterForm's fields
    def index_route(self, request):
        from .forms import IdeaFilterForm

        filters = IdeaFilterForm.from_query(request.GET, locale=self.locale_id)
        paginator = Paginator(filters.apply(self.ideas()), IDEAS_PER_PAGE)
        context = self.get_context(request)
        context["filter_form"] = filters.display_form()
        context["ideas"] = paginator.get_page(request.GET.get("page"))
        context["themes"] = filters.themes
        return render(request, self.get_template(request), context)

    @path("print/<slug:theme_slug>/", name="print_theme")
    def print_theme(self, request, theme_slug):
        theme = Theme.objects.filter(locale_id=self.locale_id, slug=theme_slug, live=True).first()
        if theme is None:
            raise Http404
        ideas = public_pages(IdeaPage.objects.child_of(self).filter(themes=theme)).order_by("title")
        context = self.get_context(request)
        back_url = f"{self.get_url(request)}?{urlencode({'theme': theme.slug})}"
        context.update(theme=theme, ideas=ideas, back_url=back_url, back_title=self.title)
        return render(request, "ideas/print_theme.html", context)


class IdeaPageForm(BasePageForm):
    """Themes and organisers as checkboxes, only those in the page's own language: a Dutch idea
    with an English theme would show English on the Dutch page and drop out of the Dutch
    filter. A choice in another language is refused (by id in a crafted post, too)."""

    FACETS = ("themes", "organisers")

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or getattr(parent_page, "locale_id", None)
        for name in self.FACETS:
            field = self.fields.get(name)
            if field is None:
                continue
            field.queryset = field.queryset.filter(locale_id=locale_id)
            field.error_messages["invalid_choice"] = _(
                "Choose only items in the language of this page; %(value)s is not one of them."
            )


class IdeaPage(RoutablePageMixin, BasePage):
    """One idea from the toolkit: something small a person or team can do tomorrow."""

    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="ideas",
        help_text=_("What kind of idea this is. Visitors filter on it."),
    )
    organisers = ParentalManyToManyField(
        Organiser,
        verbose_name=_("who can organise it"),
        blank=True,
        related_name="ideas",
        help_text=_("Schools, companies, clubs, neighbours… who this idea suits as organiser."),
    )
    prep_time = fact_field(_("preparation time"), PrepTime, _("How long it takes to prepare."))
    cost = fact_field(_("cost"), Cost, _("What it roughly costs the organiser."))
    group_size = fact_field(
        _("group size"), GroupSize, _("How many people organise or take part."), GroupSize.SMALL
    )
    setting = fact_field(
        _("indoors or outdoors"), Setting, _("Where it takes place."), Setting.EITHER
    )
    target_group = target_group_field(_("suitable for"), _("The people this idea is meant for."))
    body = StreamField(
        IdeaBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The steps, what you need, tips, and optionally a quote, image or download."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Theme and organisers"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in FACT_FIELDS],
            heading=_("Practical facts"),
        ),
        InlinePanel("pinned_related", label=_("Related idea"), heading=_("Related ideas")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("locale_id"),
        *[index.FilterField(name) for name in FACT_FIELDS],
        index.SearchField("live_facet_names"),
    ]

    parent_page_types = ["ideas.IdeaIndexPage"]
    subpage_types = []
    base_form_class = IdeaPageForm

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    @property
    def summary(self):
        return self.introduction

    def live_themes(self):
        """The themes visitors see: published ones only (works with prefetched themes)."""
        return [theme for theme in self.themes.all() if theme.live]

    def live_organisers(self):
        return [organiser for organiser in self.organisers.all() if organiser.live]

    def live_facet_names(self):
        """Searchable names of the published themes and organisers (never a draft's)."""
        return " ".join(str(facet) for facet in [*self.live_themes(), *self.live_organisers()])

    def facts(self):
        """The practical facts as (label, value) pairs, in display order."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, f"get_{name}_display")())
            for name in FACT_FIELDS
        ]

    def related_ideas(self, limit=RELATED_IDEAS):
        """Editor-pinned ideas first, then others sharing a theme or organiser; public only."""
        candidates = (
            public_pages(IdeaPage.objects.filter(locale_id=self.locale_id))
            .exclude(pk=self.pk)
            .defer_streamfields()
            .prefetch_related("themes")
        )
        pinned_ids = [link.idea_id for link in self.pinned_related.all()]
        pinned = candidates.in_bulk(pinned_ids)
        related = [pinned[pk] for pk in pinned_ids if pk in pinned][:limit]
        if len(related) < limit:
            # Semi-joins, not joins: joining both many-to-many tables multiplies the rows and
            # needs a DISTINCT over them (16 ms at 500 ideas).
            sharing = IdeaPage.objects.filter(
                Q(themes__in=[theme.pk for theme in self.themes.all()])
                | Q(organisers__in=[organiser.pk for organiser in self.organisers.all()])
            )
            similar = candidates.filter(pk__in=sharing.values("pk")).exclude(pk__in=pinned_ids)
            related += similar.order_by("title")[: limit - len(related)]
        return related

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_related_objects([self], "themes", "organisers")
        context["related_ideas"] = self.related_ideas()
        return context

    @path("print/", name="print")
    def print_view(self, request):
        context = {"page": self, "request": request, "back_url": self.get_url(request)}
        return render(request, "ideas/print_idea.html", {**context, "back_title": self.title})


class PinnedRelatedIdea(Orderable):
    page = ParentalKey(IdeaPage, on_delete=models.CASCADE, related_name="pinned_related")
    idea = models.ForeignKey(
        IdeaPage,
        verbose_name=_("idea"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_('Shown first under "Related ideas".'),
    )

    panels = [FieldPanel("idea")]

    class Meta(Orderable.Meta):
        verbose_name = _("related idea")
