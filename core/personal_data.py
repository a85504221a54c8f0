"""Fields of the shared settings that look personal but are not (privacy/register.py)."""

from privacy.register import not_personal

ORGANISATION = "the organisation's general contact details, not a person's"
not_personal("core.ContactSettings.email", ORGANISATION)
not_personal("core.ContactSettings.phone", ORGANISATION)
