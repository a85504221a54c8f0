"""Fields of activities that look personal but are not (privacy/register.py)."""

from privacy.register import not_personal

VENUE = "the public venue of an activity, published with it on purpose"
not_personal("activities.ActivityPage.location_name", VENUE)
not_personal("activities.ActivityPage.street_address", VENUE)
