import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.forms import BasePageForm
from core.models import BasePage
from core.provinces import PROVINCE_FIELD_LENGTH, Province
from core.target_groups import target_group_field
from core.visibility import prefetch_public, public_or_none, public_pages
from places.panels import PinMapPanel
from submissions.panels import SubmitterContactPanel

from .formatting import format_period
from .languages import SpokenLanguage, SpokenLanguagesField, language_codes
from .validation import EDITION_TIME_ZONE, normalise_postcode, schedule_errors

CALENDAR_UID_DOMAIN = "weekvandeverbinding.nl"
# The house number in "Kerkplein 4", "Kerkplein 4a" or "Kerkplein 12-14" (4, 4, 12).
HOUSE_NUMBER = re.compile(r"([0-9]+)[^0-9]*(?:[-/][^0-9]*[0-9]+[^0-9]*)?$")
DESCRIPTION_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def coordinate_field(verbose_name, limit, help_text):
    """Optional degrees with five decimals (about a metre), between -limit and limit."""
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
        help_text=help_text,
    )


class ActivityQuerySet(PageQuerySet):
    def public_of_edition(self, edition):
        """The public activities of one edition in start order, with what every listing shows."""
        return (
            public_pages(self.child_of(edition))
            .with_listing_relations()
            .order_by("starts_at", "title")
        )

    def listed_in(self, edition):
        """The activities the edition's overview lists, in start order: selected on the
        activity's own row (activities.listing); load what is shown through public_pages."""
        return (
            self.filter(listed_in=edition).with_listing_relations().order_by("starts_at", "title")
        )

    def public_of_team(self, team):
        return public_pages(self.filter(team=team)).with_listing_relations()

    def with_listing_relations(self):
        """The locale in the same query; the team only when it is public (else `team` is None)."""
        return self.select_related("locale").prefetch_related(prefetch_public(self.model, "team"))


class ActivityPageForm(BasePageForm):
    """Lets the schedule be checked against the edition before a new page is in the tree, and
    tells the page when its pin was placed or removed by hand (ActivityPage.prepare_location)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None:
            self.instance.edition_for_validation = parent_page.specific

    def clean(self):
        cleaned_data = super().clean()
        if {"latitude", "longitude"} & set(self.changed_data):
            pinned = None not in (cleaned_data.get("latitude"), cleaned_data.get("longitude"))
            self.instance.pin_changed_by_hand = "placed" if pinned else "removed"
        return cleaned_data


class ActivityPage(RoutablePageMixin, BasePage):
    """One activity during (or around) a Week van de Verbinding, placed under its edition."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting and conversation")
        MEAL = "meal", _("Meal or coffee")
        SMALL_GESTURE = "small_gesture", _("Small gesture")
        HELPING_HAND = "helping_hand", _("Helping hand")
        CULTURE = "culture", _("Culture and creativity")
        SPORT = "sport", _("Sport and outdoors")
        MUSIC = "music", _("Music")
        WORKSHOP = "workshop", _("Workshop or dialogue session")
        COLLECTION = "collection", _("Collection drive")
        TEAMBUILDING = "teambuilding", _("Teambuilding")

    class Cost(models.TextChoices):
        FREE = "free", _("Free")
        PAID = "paid", _("Paid")

    class LocationStatus(models.TextChoices):
        """Where the coordinates come from. Empty: nothing to look up (online), or not yet."""

        PENDING = "pending", _("Being looked up")
        ADDRESS = "address", _("Found at the address")
        POSTCODE = "postcode", _("Centre of the postcode's place")
        MANUAL = "manual", _("Placed by hand")
        FAILED = "failed", _("Address not found")

    description = RichTextField(
        _("description"),
        blank=True,
        features=DESCRIPTION_FEATURES,
        help_text=_("What happens, for whom, and what visitors may bring."),
    )
    starts_at = models.DateTimeField(
        _("starts at"), help_text=_("Date and time in Dutch time (Europe/Amsterdam).")
    )
    ends_at = models.DateTimeField(_("ends at"), help_text=_("Must be after the start."))
    related_event = models.BooleanField(
        _("related event"),
        default=False,
        help_text=_(
            "Tick when the activity belongs to this edition but takes place outside its week."
        ),
    )
    is_online = models.BooleanField(
        _("online"), default=False, help_text=_("Online activities need no address.")
    )
    location_name = models.CharField(
        _("location name"),
        max_length=120,
        blank=True,
        help_text=_('For example "Buurthuis De Brug".'),
    )
    street_address = models.CharField(
        _("street and number"), max_length=120, blank=True, help_text=_("Required unless online.")
    )
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, help_text=_("Dutch format, like 1234 AB.")
    )
    city = models.CharField(
        _("place"), max_length=80, blank=True, help_text=_("Required unless online.")
    )
    province = models.CharField(
        _("province"),
        max_length=PROVINCE_FIELD_LENGTH,
        choices=Province.choices,
        blank=True,
        help_text=_("Required unless online."),
    )
    latitude = coordinate_field(
        _("latitude"),
        90,
        _(
            "Looked up from the postcode and house number after saving. Move the pin on the "
            "map to correct it; empty both fields to have it looked up again."
        ),
    )
    longitude = coordinate_field(_("longitude"), 180, _("For example 6.09444."))
    location_status = models.CharField(
        _("location"),
        max_length=8,
        choices=LocationStatus.choices,
        blank=True,
        editable=False,
    )
    # The postcode and house number the coordinates belong to (address_key()).
    geocoded_for = models.CharField(max_length=20, blank=True, editable=False)
    team = models.ForeignKey(
        "teams.TeamPage",
        verbose_name=_("organising team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The InspiratieTeam that organises this activity, if any."),
    )
    # The edition whose overview lists this activity while it is public (activities.listing).
    listed_in = models.ForeignKey(
        "editions.EditionPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # the indexes below start with it
    )
    # A later optional ForeignKey `based_on_idea` to ideas.IdeaPage belongs here, next to `kind`.
    kind = models.CharField(
        _("kind of activity"), max_length=20, choices=Kind.choices, default=Kind.MEETING
    )
    target_group = target_group_field(_("target group"), _("Who the activity is meant for."))
    registration_required = models.BooleanField(
        _("registration needed"), default=False, help_text=_("Do visitors have to sign up?")
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, help_text=_("Where visitors sign up, if online.")
    )
    capacity = models.PositiveIntegerField(
        _("number of places"),
        null=True,
        blank=True,
        help_text=_("Leave empty when there is no limit."),
    )
    signup_on_site = models.BooleanField(
        _("sign up through this site"),
        default=False,
        help_text=_(
            "Visitors sign up with a short form on this site (no account), with a waiting list "
            "when the number of places is reached."
        ),
    )
    # Kept on the live row by the sign-ups app, never in a revision (see with_content_json):
    # places not taken by confirmed sign-ups (None: not counted yet, or no limit), sign-ups
    # closed by the organiser, and the activity cancelled by the organiser.
    places_left = models.PositiveIntegerField(null=True, blank=True, editable=False)
    signups_closed = models.BooleanField(_("sign-ups closed"), default=False, editable=False)
    cancelled = models.BooleanField(_("cancelled"), default=False, editable=False)
    cost = models.CharField(_("cost"), max_length=4, choices=Cost.choices, default=Cost.FREE)
    price = models.CharField(
        _("price"),
        max_length=80,
        blank=True,
        help_text=_('Required when paid, for example "€ 5, coffee included".'),
    )
    wheelchair_accessible = models.BooleanField(
        _("wheelchair accessible"), default=False, help_text=_("Step-free entrance and room.")
    )
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    sign_language = models.BooleanField(_("sign language interpreter"), default=False)
    quiet_space = models.BooleanField(
        _("quiet space"), default=False, help_text=_("A calm place to withdraw to.")
    )
    low_stimulus = models.BooleanField(
        _("low-stimulus"),
        default=False,
        help_text=_("Calm and quiet: no loud music, not too many people at once."),
    )
    met_at_door = models.BooleanField(
        _("someone meets you at the door"),
        default=False,
        help_text=_(
            "Coming alone is welcome: someone waits at the door to welcome visitors and "
            "introduce them."
        ),
    )
    languages = SpokenLanguagesField(
        _("languages spoken"), help_text=_("The languages visitors can speak with you.")
    )
    accessibility_notes = models.TextField(
        _("more about accessibility"),
        blank=True,
        max_length=1000,
        help_text=_("Anything else visitors should know: parking, stairs, guide dogs welcome…"),
    )

    objects = PageManager.from_queryset(ActivityQuerySet)()
    base_form_class = ActivityPageForm

    content_panels = [
        SubmitterContactPanel(),
        *BasePage.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("related_event"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_online"),
                FieldPanel("location_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("province"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                PinMapPanel(),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("team"), FieldPanel("kind"), FieldPanel("target_group")],
            heading=_("Who and what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_required"),
                FieldPanel("signup_on_site"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("price")]),
            ],
            heading=_("Registration and cost"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("wheelchair_accessible"),
                FieldPanel("accessible_toilet"),
                FieldPanel("hearing_loop"),
                FieldPanel("sign_language"),
                FieldPanel("quiet_space"),
                FieldPanel("low_stimulus"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("met_at_door"), FieldPanel("languages")],
            heading=_("Coming alone, and languages"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("location_name"),
        index.SearchField("city", boost=2),
        index.FilterField("starts_at"),
        index.FilterField("province"),
        index.FilterField("kind"),
        index.FilterField("target_group"),
        index.FilterField("is_online"),
        index.FilterField("team"),
    ]

    parent_page_types = ["editions.EditionPage"]
    subpage_types = []

    ACCESSIBILITY_FLAGS = (
        "wheelchair_accessible",
        "accessible_toilet",
        "hearing_loop",
        "sign_language",
        "quiet_space",
        "low_stimulus",
    )
    # What visitors filter on in the overview (activities.filters), besides the languages.
    CONFIDENCE_FLAGS = ("wheelchair_accessible", "low_stimulus", "met_at_door")
    ADDRESS_FIELDS = ("street_address", "postcode", "city", "province")
    # What the sign-ups app keeps on the live row; a revision being published never changes it.
    SIGNUP_STATE_FIELDS = ("places_left", "signups_closed", "cancelled")

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["starts_at"]),
            # an edition's overview in start order, and its filters (activities.listing)
            models.Index(fields=["listed_in", "starts_at"], name="activity_listed_start"),
            models.Index(fields=["listed_in", "province"], name="activity_listed_province"),
            models.Index(fields=["listed_in", "kind"], name="activity_listed_kind"),
            models.Index(fields=["listed_in", "target_group"], name="activity_listed_group"),
            # counts and markers near a place, from the index alone (PostgreSQL: INCLUDE)
            models.Index(
                fields=["listed_in", "latitude", "longitude"],
                include=["page_ptr", "starts_at", "is_online", "postcode", "city"],
                name="activity_listed_place",
            ),
            # the bounding box of a search by distance (places.distance.bounding_box)
            models.Index(fields=["latitude", "longitude"], name="activity_coordinates"),
            # the activities and figures of one place (figures: place pages)
            models.Index(fields=["city"], name="activity_city"),
            # a postcode or postcode area (activities.nearby.postcode_starts_with)
            models.Index(fields=["postcode"], name="activity_postcode"),
            # a place name, for activities not located yet (activities.nearby)
            models.Index(
                Upper("city"), condition=Q(latitude__isnull=True), name="activity_unlocated_city"
            ),
            # "also online activities" (activities.nearby)
            models.Index(fields=["starts_at"], condition=Q(is_online=True), name="activity_online"),
        ]

    def clean(self):
        super().clean()
        errors = schedule_errors(self.starts_at, self.ends_at, self.edition(), self.related_event)
        errors.update(self._place_errors())
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Fill in both latitude and longitude, or neither.")
        else:
            self.prepare_location()
        if self.cost == self.Cost.PAID and not self.price.strip():
            errors["price"] = _("Say what it costs.")
        if errors:
            raise ValidationError(errors)

    def _place_errors(self):
        errors = {}
        if not self.is_online:
            required = _("Required for an activity that is not online.")
            errors = {name: required for name in self.ADDRESS_FIELDS if not getattr(self, name)}
        if self.postcode and "postcode" not in errors:
            try:
                self.postcode = normalise_postcode(self.postcode)
            except ValidationError as error:
                errors["postcode"] = error
        return errors

    def house_number(self):
        match = HOUSE_NUMBER.search(self.street_address)
        return match.group(1) if match else ""

    def address_key(self):
        """What the coordinates are looked up from: '3511 AB 12', or '' for an activity online
        or without a postcode."""
        if self.is_online or not self.postcode:
            return ""
        return f"{self.postcode} {self.house_number()}".strip()

    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def prepare_location(self):
        """Keep the coordinates only while they belong to the address; otherwise mark them to be
        looked up (save() then queues activities.geocoding.locate_activity)."""
        Status = self.LocationStatus
        key = self.address_key()
        changed_by_hand = getattr(self, "pin_changed_by_hand", None)
        if changed_by_hand == "placed":
            self.location_status, self.geocoded_for = Status.MANUAL, key
        elif not key:
            self.latitude = self.longitude = None
            self.location_status, self.geocoded_for = "", ""
        elif not self.location_status and self.has_coordinates():
            # Given with the page (older pages, imports, code): kept as if placed by hand.
            self.location_status, self.geocoded_for = Status.MANUAL, key
        elif changed_by_hand == "removed" or key != self.geocoded_for or not self.location_status:
            self.latitude = self.longitude = None
            self.location_status, self.geocoded_for = Status.PENDING, ""

    def location_summary(self):
        """Where the pin comes from, for the admin's pin map."""
        if not self.location_status:
            return ""
        return gettext("Location: %(status)s.") % {"status": self.get_location_status_display()}

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.prepare_location()  # drafts are saved without clean()
        result = super().save(*args, **kwargs)
        if self.location_status == self.LocationStatus.PENDING and (
            update_fields is None or "location_status" in update_fields
        ):
            from .geocoding import locate_after_commit

            locate_after_commit(self)
        return result

    def with_content_json(self, content):
        """A revision saved before the address was looked up gets the coordinates found since
        (kept on the page's row by the job), as long as its address is the same and nobody
        placed its pin by hand: so they survive publishing it and show in its edit form."""
        page = super().with_content_json(content)
        found = self.location_status not in ("", self.LocationStatus.PENDING)
        if (
            found
            and page.location_status != self.LocationStatus.MANUAL
            and page.address_key() == self.geocoded_for
        ):
            page.latitude, page.longitude = self.latitude, self.longitude
            page.location_status, page.geocoded_for = self.location_status, self.geocoded_for
        for name in self.SIGNUP_STATE_FIELDS:
            setattr(page, name, getattr(self, name))
        return page

    def remaining_places(self):
        """Places not taken by confirmed sign-ups; None without a limit."""
        if self.capacity is None:
            return None
        return self.capacity if self.places_left is None else self.places_left

    def takes_signups(self):
        """Whether the form on this site is open (the sign-ups app checks the rest: public,
        in the visitor's language, not started yet)."""
        return self.signup_on_site and not self.signups_closed and not self.cancelled

    def places_text(self):
        """'Nog 3 plekken', 'Vol: wachtlijst', 'Geannuleerd' ... or '' (no sign-up on this
        site). From the live row: see the sign-ups app for how fresh it is on a cached page."""
        if self.cancelled:
            return gettext("Cancelled")
        if not self.signup_on_site:
            return ""
        if self.signups_closed:
            return gettext("Sign-ups closed")
        left = self.remaining_places()
        if left is None:
            return gettext("Places available")
        if left == 0:
            return gettext("Full: waiting list")
        return ngettext("%(count)s place left", "%(count)s places left", left) % {"count": left}

    def edition(self):
        """The edition this activity belongs to: its parent page, or the one chosen in the admin."""
        chosen = getattr(self, "edition_for_validation", None)
        if chosen is not None:
            return chosen
        if self.path and self.depth:
            return self.get_parent().specific
        return None

    def sender_needed_until(self):
        """Until its edition is over the sender of a sent-in activity may still be needed: the
        privacy register keeps their contact details that long (submissions.SubmitterContact)."""
        edition = self.edition()
        if edition is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(edition.end_date, datetime.time.max))

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, EDITION_TIME_ZONE)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, EDITION_TIME_ZONE)

    def period(self):
        """'zaterdag 12 december 2026, 14:00–16:00' in the active language."""
        return format_period(self.local_start, self.local_end)

    def accessibility_features(self):
        """The verbose names of the accessibility facilities this activity offers."""
        return [
            self._meta.get_field(name).verbose_name
            for name in self.ACCESSIBILITY_FLAGS
            if getattr(self, name)
        ]

    def language_codes(self):
        return language_codes(self.languages)

    def spoken_languages(self):
        """The names of the languages spoken, in the active language."""
        names = dict(SpokenLanguage.choices)
        return [names[code] for code in self.language_codes()]

    def confidence_lines(self):
        """What helps a visitor decide to come, as short sentences (the page, the .ics)."""
        lines = [str(feature).capitalize() for feature in self.accessibility_features()]
        if self.met_at_door:
            lines.append(gettext("Coming alone? Welcome: someone meets you at the door."))
        if self.languages:
            lines.append(
                gettext("Languages spoken: %(languages)s.")
                % {"languages": ", ".join(str(name) for name in self.spoken_languages())}
            )
        return lines

    def address_lines(self):
        lines = [self.location_name, self.street_address, f"{self.postcode} {self.city}".strip()]
        return [line for line in lines if line]

    def calendar_uid(self):
        """Stable across edits, moves and translations: the iCalendar UID of this activity."""
        return f"activity-{self.translation_key}@{CALENDAR_UID_DOMAIN}"

    def location_text(self):
        """The address on one line, or "Online"."""
        return gettext("Online") if self.is_online else ", ".join(self.address_lines())

    def get_context(self, request, *args, **kwargs):
        from .going import calendar_links, route_links

        context = super().get_context(request, *args, **kwargs)
        context["team"] = public_or_none(self.team)
        context["route"] = route_links(self)
        context["calendar_links"] = calendar_links(self, self.get_full_url(request))
        return context

    @path("print/", name="print")
    def print_view(self, request):
        context = self.get_context(request)
        context.update(back_url=self.get_url(request), back_title=self.title)
        return TemplateResponse(request, "activities/print_activity.html", context)

    @path("ics/", name="ics")
    def ics_route(self, request):
        from .ical import calendar_for, ics_response

        return ics_response(calendar_for([self], request, self.title), self.title)
