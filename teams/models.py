from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.models import BasePage
from core.page_cache import query_parameters
from core.provinces import PROVINCE_FIELD_LENGTH, Province
from core.visibility import public_pages
from submissions.panels import SubmitterContactPanel

from .contact import MESSAGE_SENT_PARAMETER, TeamContactView

STORY_FEATURES = ["bold", "italic", "link", "ul", "ol"]
TEAMS_PER_PAGE = 24


@query_parameters("page")
class TeamIndexPage(BasePage):
    """All InspiratieTeams."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["teams.TeamPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("team overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        teams = (
            public_pages(TeamPage.objects.child_of(self))
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("title")
        )
        context["teams"] = Paginator(teams, TEAMS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class TeamPage(RoutablePageMixin, BasePage):
    """An InspiratieTeam: people who organise activities together."""

    class Kind(models.TextChoices):
        LOCAL_INITIATIVE = "local_initiative", _("Local initiative")
        COMPANY = "company", _("Company or organisation")
        ASSOCIATION = "association", _("Association or club")
        SCHOOL = "school", _("School")
        FUND = "fund", _("Fund")
        TRADE_BODY = "trade_body", _("Trade body")
        SERVICE_CLUB = "service_club", _("Service club")
        CHURCH = "church", _("Church or faith community")
        OTHER = "other", _("Other")

    kind = models.CharField(
        _("kind of team"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.LOCAL_INITIATIVE,
        help_text=_("Who is behind this team."),
    )
    place = models.CharField(
        _("place"), max_length=80, help_text=_("The town or village the team works from.")
    )
    province = models.CharField(
        _("province"),
        max_length=PROVINCE_FIELD_LENGTH,
        choices=Province.choices,
        help_text=_("The province the team works in."),
    )
    story = RichTextField(
        _("story"),
        blank=True,
        features=STORY_FEATURES,
        help_text=_("Who the team is and why it takes part, in a few short paragraphs."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the top of the team page and in the team overview. Give the image an "
            "alternative text when you upload it; a logo next to the team's name needs none."
        ),
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=120,
        blank=True,
        help_text=_("Shown on the page. Visitors write to the team through a form."),
    )
    contact_email = models.EmailField(
        _("contact email address (private)"),
        blank=True,
        help_text=_(
            "Messages from the contact form on the team page go here. "
            "The address itself is never shown on the site."
        ),
    )
    partners = ParentalManyToManyField(
        "editions.Partner",
        verbose_name=_("Powered By partners"),
        blank=True,
        limit_choices_to={"kind": "powered_by"},
        related_name="teams",
        help_text=_("The Powered By partners this team works with: the team shows on their page."),
    )

    content_panels = [
        SubmitterContactPanel(),
        *BasePage.content_panels,
        FieldPanel("image"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("place"), FieldPanel("province")],
            heading=_("Who and where"),
        ),
        FieldPanel("story"),
        InlinePanel(
            "looking_for",
            label=_("We are looking for"),
            heading=_("We are looking for"),
            help_text=_("What the team needs: participants, volunteers, a venue, funding…"),
        ),
        InlinePanel("links", label=_("Link"), heading=_("Links")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("story"),
        index.SearchField("place"),
        index.FilterField("province"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["teams.TeamIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("InspiratieTeam")

    @path("")
    @query_parameters(MESSAGE_SENT_PARAMETER)
    def team_route(self, request):
        context = self.get_context(request)
        context["message_sent"] = MESSAGE_SENT_PARAMETER in request.GET
        return TemplateResponse(request, self.get_template(request), context)

    @path("contact/", name="contact")
    def contact_route(self, request):
        """The contact form on its own address, so the team page itself has no CSRF token and
        can be served from the page cache."""
        if not self.contact_email:
            raise Http404
        return TeamContactView.as_view(team=self)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["looking_for"] = self.looking_for.order_by("sort_order")
        context["links"] = self.links.order_by("sort_order")
        return context


class TeamNeed(Orderable):
    """One thing a team is looking for, like "Wij zoeken" on a plan page."""

    class Kind(models.TextChoices):
        PARTICIPANTS = "participants", _("Participants")
        VOLUNTEERS = "volunteers", _("Volunteers")
        HOSTS = "hosts", _("Hosts")
        FUNDING = "funding", _("Funding")
        VENUE = "venue", _("A venue")
        OTHER = "other", _("Something else")

    page = ParentalKey(TeamPage, on_delete=models.CASCADE, related_name="looking_for")
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    description = models.CharField(
        _("short explanation"),
        max_length=250,
        blank=True,
        help_text=_('For example "Two people who like to bake for the neighbourhood coffee".'),
    )

    panels = [FieldPanel("kind"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("thing we are looking for")


class TeamLink(Orderable):
    page = ParentalKey(TeamPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=80, help_text=_('For example "Our website".'))
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
