from django.contrib.contenttypes.fields import GenericRelation
from django.db import IntegrityError, models, transaction
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from .compounds import compound_parts, language_of_locale
from .forms import BasePageForm

# Search weights, highest first: the title, the editors' search terms, the summary
# (introduction), then the body (no boost). Use only these values in search_fields: the
# PostgreSQL backend maps at most four distinct boosts onto its four weight classes.
TITLE_BOOST = 10
SEARCH_TERMS_BOOST = 5
SUMMARY_BOOST = 2


class ModeratedSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """A translatable snippet whose changes are drafts until published or approved in the workflow.

    The row holds the published version; public code shows rows with `live=True` only.
    """

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def revisions(self):
        return self._revisions


class BasePage(Page):
    """Every public page has a short introduction used in listings and search results."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("One or two sentences shown at the top of the page and in listings."),
    )
    search_terms = models.CharField(
        _("search terms"),
        max_length=255,
        blank=True,
        help_text=_(
            "Extra words, separated by commas, by which visitors should find this page, "
            "e.g. synonyms. They are not shown on the page."
        ),
    )

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on social media, cut to 1200 × 630 pixels. "
            "Without one the site makes an image from the title."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    promote_panels = Page.promote_panels + [FieldPanel("search_terms"), FieldPanel("share_image")]
    base_form_class = BasePageForm
    search_fields = Page.search_fields + [
        index.SearchField("title", boost=TITLE_BOOST),
        index.SearchField("search_terms", boost=SEARCH_TERMS_BOOST),
        index.SearchField("introduction", boost=SUMMARY_BOOST),
        index.SearchField("title_in_body", boost=TITLE_BOOST),
        index.SearchField("compound_parts", boost=SUMMARY_BOOST),
    ]

    @property
    def title_in_body(self):
        """The title once more, in the body part of the search index, so the PostgreSQL backend
        finds a page through one indexed column even when the words of a query are split over
        the title and the text (search/backends.py)."""
        return self.title

    @property
    def compound_parts(self):
        """The parts of the compound words of the title, search terms and introduction
        (core/compounds.py), so that "koffie" finds "Liftkoffie"."""
        text = " ".join((self.title, self.search_terms, self.introduction))
        return compound_parts(text, language_of_locale(self.locale_id))

    def _get_FIELD_display(self, field):
        """What get_<field>_display() returns: the label of the stored choice. Django's own
        version translates every label of the field on each call, to hash them; this one only
        the label shown (20 activity items rendered in 14 ms instead of 19 ms). Django's method
        is private: tests/test_upstream_canaries.py checks its name and signature."""
        value = getattr(self, field.attname)
        return force_str(dict(field.flatchoices).get(value, value), strings_only=True)

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


def created_once(model, **unique_fields):
    """Create a row with these values of a unique field; True if this call created it, False if
    it was there already (also when another process creates it at the same moment)."""
    try:
        with transaction.atomic():
            model.objects.create(**unique_fields)
    except IntegrityError:
        return False
    return True


class SentEmail(models.Model):
    """One row per email the worker is sending or has sent (core/mail.py): a job that runs again
    for the same message sends nothing."""

    message_id = models.CharField(max_length=255, unique=True)
    claimed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.message_id

    @classmethod
    def claim(cls, message_id):
        """True for the one job that may send this message now (safe for concurrent workers)."""
        return created_once(cls, message_id=message_id)

    @classmethod
    def release(cls, message_id):
        """The message was not sent: a later attempt may claim it."""
        cls.objects.filter(message_id=message_id).delete()
