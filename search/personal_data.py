"""What visitors search for, in the privacy register (privacy/register.py)."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from privacy.register import Action, LegalBasis, PersonalData, register

from .models import UnansweredSearch


def expired_search_terms(cutoff):
    """Search terms nobody searched for since the cutoff; promoted ones are the editors'."""
    since = timezone.localdate(cutoff)
    recent_hits = QueryDailyHits.objects.filter(query=OuterRef("pk"), date__gte=since)
    recent_misses = UnansweredSearch.objects.filter(query=OuterRef("pk"), date__gte=since)
    return Query.objects.filter(
        ~Exists(recent_hits), ~Exists(recent_misses), editors_picks__isnull=True
    )


register(
    PersonalData(
        key="search_terms",
        model=Query,
        fields=("query_string",),
        label=_("Search terms"),
        holds=_(
            "The words people search for on this site, with a count per day. Not who searched, "
            "nor from which address or at what time."
        ),
        purpose=_("To see what visitors look for and do not find, and to improve the site."),
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention_days=365,
        retention_start=_("%(period)s after the last search for the same words"),
        action=Action.DELETE,
        expired=expired_search_terms,
        find=lambda email: Query.objects.filter(query_string__contains=email),
    ),
)
